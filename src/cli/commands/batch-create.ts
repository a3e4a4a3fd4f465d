import { planBatch } from '../../core/disposal/create';
import { BATCH_DETAILS, type BatchDetails } from '../../core/disposal/document';
import { batchFiles } from '../../core/disposal/files';
import { readBatch, type ExclusionReason } from '../../core/disposal/batch';
import { FileRefusal } from '../../core/io/paths';
import { tryReadFileInside, writeFileInside } from '../../core/io/safe-fs';
import { field, scalarText, type RecordEntry } from '../../core/model/records';
import { today } from '../../core/retention/dates';
import { printable } from '../../core/text/terminal';
import { parseDate } from '../../core/values/checks';
import { UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { loadFolder, recordIndexOf, refusalText } from '../load';
import { detailsOf, say } from './batch-common';

const REASONS: Record<ExclusionReason, [string, string]> = {
  hold: ['暂缓处置', 'on hold'],
  'within-retention': ['仍在保管期限内', 'still within retention'],
  waiting: ['保管期限尚未起算（事件未记录）', 'retention has not started (its event is not recorded)'],
  errors: ['记录有错误，请先修正', 'has errors; fix them first'],
  already: ['已销毁、已移交或已在批次中', 'already destroyed, transferred or in a batch'],
};

/** The batch document's language: --lang when given, else both (a batch is read by everyone who signs it). */
const docLang = (args: ParsedArgs) => {
  const l = args.options.get('lang');
  return l === 'zh' || l === 'en' || l === 'both' ? l : 'both';
};

export async function batchCreate(args: ParsedArgs, io: CliIo): Promise<number> {
  const kindOpt = args.options.get('kind') ?? 'destruction';
  if (kindOpt !== 'destruction' && kindOpt !== 'transfer') throw new UsageError('--kind must be destruction or transfer');
  const kind = kindOpt === 'destruction' ? 'destruction-batch' : 'transfer-batch';
  const due = args.options.has('due');
  const wanted = (args.values.get('records') ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (due === wanted.length > 0) throw new UsageError('give either --due or --records ID...');
  if (due && kind === 'transfer-batch') throw new UsageError('--due selects records due for destruction; a transfer takes --records ID...');
  const date = args.options.get('date');
  if (typeof date === 'string' && !parseDate(date).ok) throw new UsageError('--date must be a real date, YYYY-MM-DD');
  const day = typeof date === 'string' ? date : today();
  const details: BatchDetails = detailsOf(args, BATCH_DETAILS[kind], `a ${kind}`);
  const recipient = {
    name: String(args.options.get('recipient') ?? details.recipient ?? ''),
    contact: String(args.options.get('contact') ?? details.recipient_contact ?? ''),
  };
  if (kind === 'transfer-batch' && (!recipient.name || !recipient.contact)) throw new UsageError('a transfer needs --recipient NAME and --contact CONTACT');
  const folder = await loadFolder(args, io);
  const lang = folder.lang;
  const index = recordIndexOf(folder);
  const all = [...index.records()];
  let records: RecordEntry[] = all;
  if (!due) {
    records = [];
    for (const w of wanted) {
      const hit = all.filter((r) => field(r, 'id') === w || r.file === w || `${r.file}#${r.index}` === w);
      if (!hit.length) {
        io.err(`records-curator batch create: ${say(lang, `没有编号或路径为 ${printable(w)} 的记录`, `no record has the id or path ${printable(w)}`)}\n`);
        return 1;
      }
      records.push(...hit.filter((r) => !records.includes(r)));
    }
  }
  const schema = folder.schema.schema;
  const existing = batchFiles(folder.root, schema.disposal.folder)
    .map(([, text]) => readBatch(text))
    .filter((b) => b !== undefined);
  const pending = new Set(existing.filter((b) => b.status !== 'executed').flatMap((b) => b.items.map((it) => `${it.path}#${it.index ?? 0}`)));
  const plan = planBatch({
    kind: kind === 'destruction-batch' ? 'destruction' : 'transfer',
    records: due ? all : records,
    schema,
    today: day,
    lang: docLang(args),
    existingIds: existing.map((b) => scalarText(b.data.batch_id)),
    pending,
    errors: (r) => index.problemCounts(r).errors,
    bytesOf: (p) => tryReadFileInside(folder.root, p) ?? new Uint8Array(),
    recipient,
    details,
    all,
  });
  const quiet = due ? plan.excluded.filter((e) => e.reason !== 'within-retention' && e.reason !== 'waiting') : plan.excluded;
  for (const e of quiet) {
    const why = say(
      lang,
      `未列入：${REASONS[e.reason][0]}${e.until ? `（保管至 ${e.until}）` : ''}`,
      `left out: ${REASONS[e.reason][1]}${e.until ? ` (until ${e.until})` : ''}`,
    );
    io.err(`${printable(e.record.file)}\t${why}\n`);
  }
  if (!plan.batch) {
    io.err(say(lang, '没有可列入批次的记录\n', 'no record can be listed in a batch\n'));
    return 1;
  }
  try {
    writeFileInside(folder.root, plan.batch.path, plan.batch.text);
  } catch (err) {
    if (!(err instanceof FileRefusal)) throw err;
    io.err(`records-curator batch create: ${refusalText(err, lang === 'zh')}\n`);
    return 1;
  }
  io.out(`${say(lang, '已写入', 'wrote')} ${printable(plan.batch.path)}: ${plan.batch.records.length} ${say(lang, '条记录', 'records')} (${plan.batch.id})\n`);
  return 0;
}
