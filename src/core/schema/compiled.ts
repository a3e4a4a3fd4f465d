/**
 * The built-in schema as data, worked out when the bundles are built (esbuild.js) instead of parsed from its
 * YAML at every start: a command line checking a small folder spent a fifth of its time composing that YAML.
 * Maps, regular expressions, `undefined` and non-finite numbers are written as tagged objects.
 */
import type { Schema } from '../model/schema';

export function schemaToJson(schema: Schema): string {
  return JSON.stringify(schema, function (this: Record<string, unknown>, key: string) {
    const v = this[key];
    if (v instanceof Map) return { $map: [...v] };
    if (v instanceof RegExp) return { $re: [v.source, v.flags] };
    if (v === undefined) return { $undefined: true };
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
    return v;
  });
}

export function schemaFromJson(text: string): Schema {
  return decode(JSON.parse(text)) as Schema;
}

function decode(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decode);
  const o = v as { $map?: [unknown, unknown][]; $re?: [string, string]; $undefined?: true; $number?: string };
  if (o.$map) return new Map(o.$map.map(([k, x]) => [decode(k), decode(x)]));
  if (o.$re) return new RegExp(o.$re[0], o.$re[1]);
  if (o.$undefined) return undefined;
  if (o.$number !== undefined) return Number(o.$number);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: decode(x), writable: true, enumerable: true, configurable: true });
  return out;
}
