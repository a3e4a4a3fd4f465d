import { isMasked, isSealed, KEYS_PATH } from '../values/sealed';
import { isBlank, labelOf, say, type RecordRule } from './rule';

/**
 * A field the schema marks `sensitive` holds its value in plain text in a workspace that seals (it has
 * `.records/keys.yaml`). Sealing needs only the customer's public recipient, so it is always possible without
 * the key store: `records-curator seal --write`. A masked value (138****1234) is minimised already.
 */
export const plainSensitive: RecordRule = {
  code: 'plain-sensitive',
  severity: 'warning',
  title: { en: 'Sensitive value not sealed', zh: '敏感字段未加密' },
  check(ctx) {
    if (!ctx.data) return;
    let seals: boolean | undefined;
    for (const [name, spans] of ctx.record.fields) {
      const def = ctx.schema.fields.get(name);
      const value = ctx.data[name];
      if (!def?.sensitive || isBlank(value) || isSealed(value)) continue;
      if (typeof value === 'string' && isMasked(value)) continue;
      seals ??= ctx.fileExists(KEYS_PATH);
      if (!seals) return;
      const customer = typeof ctx.data.customer === 'string' ? ctx.data.customer : undefined;
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
      const message = scalar
        ? say(
            ctx.lang,
            {
              en: '{f} is sensitive and written in plain text: seal it (records-curator seal --write)',
              zh: '{f} 为敏感字段，以明文保存：请加密（records-curator seal --write）',
            },
            { f: labelOf(ctx.lang, def, name) },
          )
        : say(
            ctx.lang,
            {
              en: '{f} is sensitive and written in plain text, as a list or mapping, which is not sealed: write it as one value',
              zh: '{f} 为敏感字段，以明文的列表或映射保存，无法加密：请写成单个值',
            },
            { f: labelOf(ctx.lang, def, name) },
          );
      // No value in the message: the finding goes to the cache, the output and CI logs.
      ctx.report(spans.value, message, { field: name, seal: scalar ? { customer } : undefined });
    }
  },
};
