import { archiveFormat } from '../archive/expected';
import { isBlank, say, type RecordRule } from './rule';

/** An archive number that does not follow the workspace's format (DA/T 22-2015 by default). */
export const invalidArchiveNo: RecordRule = {
  code: 'invalid-archive-no',
  severity: 'error',
  title: { en: 'Malformed archive number', zh: '档号格式错误' },
  check(ctx) {
    const v = ctx.data?.archive_no;
    if (isBlank(v)) return;
    const format = archiveFormat(ctx.schema);
    const parts = typeof v === 'string' || typeof v === 'number' ? format.parse(String(v)) : undefined;
    const span = ctx.record.fields.get('archive_no')!.value;
    if (!parts) {
      ctx.report(
        span,
        say(
          ctx.lang,
          { en: 'archive number {v} does not follow the format {f}', zh: '档号 {v} 不符合格式 {f}' },
          { v: String(v), f: ctx.schema.archiveNumber.format },
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
