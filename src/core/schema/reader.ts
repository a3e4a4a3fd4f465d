/** Reading the schema file's YAML nodes into checked values, with every mistake kept as a problem on its node. */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { SEVERITIES, type Bilingual, type Schema, type SeveritySetting } from '../model/schema';

/** A mistake in the schema file, reported on that file; the schema still loads from what is usable. */
export interface SchemaProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export class Reader {
  readonly problems: SchemaProblem[] = [];
  constructor(private readonly fallback: Schema | undefined) {}

  report(node: Node | Pair | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    const range = node && ('range' in node ? node.range : (node as Pair<Node>).key?.range);
    this.problems.push({ message, start: range?.[0] ?? 0, end: range?.[1] ?? 0, severity });
  }

  map(node: unknown, what: string): YAMLMap | undefined {
    if (node === undefined || node === null) return undefined;
    if (isMap(node)) return node;
    this.report(node as Node, `${what} must be a mapping`);
    return undefined;
  }

  string(node: unknown, what: string): string | undefined {
    if (node === undefined || node === null) return undefined;
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    this.report(node as Node, `${what} must be a string`);
    return undefined;
  }

  number(node: unknown, what: string): number | undefined {
    if (node === undefined || node === null) return undefined;
    if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value)) return node.value;
    this.report(node as Node, `${what} must be a number`);
    return undefined;
  }

  boolean(node: unknown, what: string): boolean | undefined {
    if (node === undefined || node === null) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.report(node as Node, `${what} must be true or false`);
    return undefined;
  }

  strings(node: unknown, what: string): string[] | undefined {
    if (node === undefined || node === null) return undefined;
    if (!isSeq(node)) {
      this.report(node as Node, `${what} must be a list`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      const s = this.string(item, `an item of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  bilingual(node: unknown, what: string, fallback: string): Bilingual {
    if (isScalar(node) && typeof node.value === 'string') return { zh: node.value, en: node.value };
    const m = this.map(node, what);
    if (!m) return { zh: fallback, en: fallback };
    const zh = this.string(m.get('zh', true), `${what}.zh`);
    const en = this.string(m.get('en', true), `${what}.en`);
    return { zh: zh ?? en ?? fallback, en: en ?? zh ?? fallback };
  }

  severity(node: unknown, what: string): SeveritySetting | undefined {
    const s = this.string(node, what);
    if (s === undefined) return undefined;
    if ((SEVERITIES as readonly string[]).includes(s)) return s as SeveritySetting;
    this.report(node as Node, `${what} must be one of ${SEVERITIES.join(', ')}`);
    return undefined;
  }

  /** Warns about keys the schema format does not know, which are usually typos. */
  known(m: YAMLMap, keys: readonly string[], where: string): void {
    for (const pair of m.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !keys.includes(key)) this.report(pair.key as Node, `unknown key '${key}' in ${where}`, 'warning');
    }
  }

  fallbackOf<K extends keyof Schema>(key: K): Schema[K] | undefined {
    return this.fallback?.[key];
  }
}
