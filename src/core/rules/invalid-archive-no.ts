import { archiveFormat } from '../archive/expected';
import { ArchiveFormat } from '../archive/number';
import { EARLIER_DEFAULT_FORMAT } from '../archive/renumber';
import type { ArchiveNumberConfig } from '../model/schema';
import { isBlank, say, type RecordRule } from './rule';

const earlier = new WeakMap<ArchiveNumberConfig, ArchiveFormat>();

/** The earlier default format, when the schema now writes another: a number in it is one to migrate. */
function earlierFormat(config: ArchiveNumberConfig): ArchiveFormat | undefined {
  if (config.format === EARLIER_DEFAULT_FORMAT) return undefined;
  let f = earlier.get(config);
  if (!f) earlier.set(config, (f = new ArchiveFormat({ ...config, format: EARLIER_DEFAULT_FORMAT })));
  return f;
}

/** An archive number that does not follow the workspace's format (DA/T 22-2015 by default). */
export const invalidArchiveNo: RecordRule = {
  code: 'invalid-archive-no',
  severity: 'error',
  title: { en: 'Malformed archive number', zh: '档号格式错误' },
  check(ctx) {
    const v = ctx.data?.archive_no;
    if (isBlank(v)) return;
    const format = archiveFormat(ctx.schema);
    const text = typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    const parts = text !== undefined ? format.parse(text) : undefined;
    const span = ctx.record.fields.get('archive_no')!.value;
    if (!parts) {
      const old = text !== undefined && earlierFormat(ctx.schema.archiveNumber)?.parse(text);
      ctx.report(
        span,
        say(
          ctx.lang,
          old
            ? {
                en: 'archive number {v} does not follow the format {f}: it is written the earlier way ({o}); Renumber Archive Numbers (records-curator renumber) plans the new numbers for review',
                zh: '档号 {v} 不符合格式 {f}：它是旧的写法（{o}）；“重编档号”（records-curator renumber）会列出新档号供审阅',
              }
            : { en: 'archive number {v} does not follow the format {f}', zh: '档号 {v} 不符合格式 {f}' },
          { v: String(v), f: ctx.schema.archiveNumber.format, o: EARLIER_DEFAULT_FORMAT },
        ),
      );
    } else if (parts.number.length !== ctx.schema.archiveNumber.numberWidth) {
      ctx.report(
        span,
        say(
          ctx.lang,
          { en: 'item number {n} of {v} must have {w} digits', zh: '档号 {v} 的件号 {n} 应为 {w} 位' },
          { v: String(v), n: parts.number, w: ctx.schema.archiveNumber.numberWidth },
        ),
      );
    }
  },
};
