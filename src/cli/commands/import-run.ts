import * as fs from 'fs';
import * as path from 'path';
import { openFolder, type OpenFolder } from '../../core/check/folder';
import { indexOptions } from '../../core/index/scan';
import { prepareImport, type ImportSession } from '../../core/import/session';
import type { FieldConflict, PlannedRow } from '../../core/import/plan';
import type { ImportValue } from '../../core/import/record-text';
import { applyChanges } from '../../core/io/changes';
import { today } from '../../core/retention/dates';
import { printable } from '../../core/text/terminal';
import { UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { cliLang, format, refusalText } from '../load';
import { readMailMessages, readXlsxTable } from '../readers';
import { runScanImport } from './import-scans';

/** Records created or updated, and personal numbers, shown one by one in the text report before it says how many more. */
const SHOWN = 50;

const show = (v: ImportValue | undefined) => (v === undefined ? '(none)' : Array.isArray(v) ? `[${v.join(', ')}]` : v);

function conflictText(c: FieldConflict, zh: boolean): string {
  const was = c.importedBefore
    ? zh
      ? '上次导入后被手工修改'
      : 'edited by hand since the last import'
    : zh
      ? '此前并非由本导入写入'
      : 'not written by an earlier run of this import';
  return `${c.field}: ${zh ? '现为' : 'now'} ${show(c.current)} (${was}), ${zh ? '来源为' : 'source says'} ${show(c.incoming)}`;
}

function textReport(file: string, s: ImportSession, write: boolean, zh: boolean): string {
  const { plan, table } = s;
  const out: string[] = [];
  const p = (t: string) => out.push(printable(t));
  const shape = table.headers.length
    ? `${table.encoding}, ${zh ? '表头在第' : 'header on line'} ${table.headerLine}${zh ? ' 行' : ''}, ${table.rows.length} ${zh ? '行' : 'rows'}`
    : table.encoding;
  p(
    `${file}: ${shape}; ${zh ? '映射' : 'mapping'} ${s.mappingPath} (${zh ? { given: '给定', saved: '已保存', guessed: '猜测' }[s.mappingFrom] : s.mappingFrom})`,
  );
  for (const [h, f] of s.mapping.columns) p(`  ${h} → ${f ?? '~'}`);
  for (const [f, v] of s.mapping.defaults) p(`  ${f} = ${v}`);
  for (const n of table.notes) p(`${file}:${n.line}\t${zh ? '注意' : 'note'}: ${n.message}`);
  const row = (verb: string, r: PlannedRow) => {
    p(`${verb}\t${r.path}\t(${file}:${r.line}, ${s.mapping.key} ${r.key})`);
    if (r.note) p(`    ${r.note}`);
    for (const u of r.updates) p(`    ${u.field}: ${show(u.from)} → ${show(u.to)}`);
    for (const f of r.findings) p(`    ${f.severity} ${f.code} ${f.message}`);
  };
  // The first ones of a long list, and how many more: --format json lists every one.
  const first = <T>(list: readonly T[], each: (item: T) => void) => {
    list.slice(0, SHOWN).forEach(each);
    if (list.length > SHOWN)
      p(zh ? `  ……另有 ${list.length - SHOWN} 条（--format json 列出全部）` : `  … and ${list.length - SHOWN} more (--format json lists them all)`);
  };
  first(plan.created, (r) => row(zh ? '新建' : 'create', r));
  first(plan.updated, (r) => row(zh ? '更新' : 'update', r));
  for (const r of plan.conflicts)
    for (const c of r.conflicts) p(`${zh ? '冲突' : 'conflict'}\t${r.path}\t${conflictText(c, zh)}; ${zh ? '保持原样' : 'left as it is'}`);
  for (const r of plan.skipped) if (r.note) p(`${file}:${r.line}\t${zh ? '跳过' : 'skipped'}: ${r.key}${r.path ? ` (${r.path})` : ''}: ${r.note}`);
  for (const r of plan.rejected) p(`${file}:${r.line}\t${zh ? '拒绝' : 'rejected'}: ${r.reason}`);
  first(plan.personal, (h) => p(`${file}:${h.line}\t${zh ? '明文个人信息' : 'personal number in plain text'}: ${h.field} ${h.kind} ${h.masked}`));
  const counts = zh
    ? `${write ? '已' : '将'}新建 ${plan.created.length}，更新 ${plan.updated.length}，跳过 ${plan.skipped.length}，冲突 ${plan.conflicts.length}，拒绝 ${plan.rejected.length}`
    : `${write ? '' : 'would '}create ${plan.created.length}, update ${plan.updated.length}, skip ${plan.skipped.length}; conflicts ${plan.conflicts.length}, rejected ${plan.rejected.length}`;
  const tail = write ? '' : zh ? '（预览，未写入；加 --write 写入）' : ' (dry run: nothing written; add --write to write)';
  p(counts + tail);
  return out.join('\n') + '\n';
}

function jsonReport(file: string, s: ImportSession, written: boolean): unknown {
  const rows = (list: PlannedRow[]) =>
    list.map((r) => ({
      line: r.line,
      key: r.key,
      path: r.path,
      updates: r.updates,
      conflicts: r.conflicts,
      findings: r.findings,
      ...(r.note ? { note: r.note } : {}),
    }));
  const { plan } = s;
  return {
    file,
    encoding: s.table.encoding,
    headerLine: s.table.headerLine,
    rows: s.table.rows.length,
    mapping: {
      path: s.mappingPath,
      from: s.mappingFrom,
      key: s.mapping.key,
      category: s.mapping.category,
      pattern: s.mapping.pattern,
      columns: Object.fromEntries(s.mapping.columns),
      defaults: Object.fromEntries(s.mapping.defaults),
    },
    notes: s.table.notes,
    written,
    counts: {
      created: plan.created.length,
      updated: plan.updated.length,
      skipped: plan.skipped.length,
      conflicts: plan.conflicts.length,
      rejected: plan.rejected.length,
    },
    created: rows(plan.created),
    updated: rows(plan.updated),
    skipped: plan.skipped.map((r) => ({ line: r.line, key: r.key, path: r.path, note: r.note })),
    conflicts: rows(plan.conflicts),
    rejected: plan.rejected,
    personal: plan.personal,
  };
}

function readArg(io: CliIo, file: string, what: string): Buffer {
  const abs = path.resolve(io.cwd, file);
  const st = fs.statSync(abs, { throwIfNoEntry: false });
  if (!st?.isFile()) throw new UsageError(`${what} ${file}: no such file`);
  return fs.readFileSync(abs);
}

/** The import command's work, in a bundle of its own (dist/import-command.js), loaded only when it runs. */
export async function runImport(args: ParsedArgs, io: CliIo): Promise<number> {
  const fmt = format(args, ['text', 'json']);
  const into = args.options.get('into');
  if (into === true) throw new UsageError('--into needs a folder');
  const root = path.resolve(io.cwd, into ?? '.');
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${root} is not a folder`);
  if (args.options.has('scans')) return runScanImport(args, io, root);
  for (const o of ['match', 'table', 'key']) if (args.options.has(o)) throw new UsageError(`--${o} is for --scans`);
  if (!args.positionals.length) throw new UsageError('name at least one file to import');
  const lang = cliLang(args);
  const zh = lang === 'zh';
  const mapArg = args.options.get('map');
  const mappingText = typeof mapArg === 'string' ? readArg(io, mapArg, '--map').toString('utf8') : undefined;
  const category = args.options.get('category');
  const customer = args.options.get('customer');
  const per = args.options.get('per');
  if (per !== undefined && per !== 'message' && per !== 'thread') throw new UsageError('--per must be message or thread');
  if (per !== undefined && args.positionals.some((f) => !/\.(eml|mbox)$/i.test(f))) throw new UsageError('--per is for mail (.eml, .mbox)');
  const write = args.options.has('write');
  const inputs = args.positionals.map((f) => ({ file: f, bytes: readArg(io, f, 'file') }));
  let folder: OpenFolder = await openFolder(root, lang);
  if (typeof category === 'string' && !folder.schema.schema.categories.has(category)) {
    throw new UsageError(`--category must be one of ${[...folder.schema.schema.categories.keys()].join(', ')}`);
  }
  let failed = false;
  const reports: unknown[] = [];
  for (const { file, bytes } of inputs) {
    const prepared = await prepareImport({
      root,
      schema: folder.schema.schema,
      index: folder.index,
      indexOptions: indexOptions({ root, schema: folder.schema.schema, lang }),
      fileName: path.basename(file),
      bytes,
      category: typeof category === 'string' ? category : undefined,
      mappingText,
      today: today(),
      readXlsx: readXlsxTable,
      readMail: readMailMessages,
      customer: typeof customer === 'string' ? customer : undefined,
      per: per === 'message' || per === 'thread' ? per : undefined,
    });
    if (!prepared.ok) {
      io.err(`records-curator import: ${printable(file)}${prepared.line ? `:${prepared.line}` : ''}: ${printable(prepared.message)}; nothing imported\n`);
      failed = true;
      continue;
    }
    const s = prepared.session;
    let written = false;
    if (write && s.changes.length) {
      const result = applyChanges(root, s.changes);
      if (!result.ok) {
        io.err(`records-curator import: ${printable(file)}: ${refusalText(result.error, zh)}\n`);
        failed = true;
        continue;
      }
      written = true;
      // The next file is planned against the folder as it is now.
      if (inputs.length > 1) folder = await openFolder(root, lang);
    }
    if (s.plan.rejected.length) failed = true;
    if (fmt === 'json') reports.push(jsonReport(file, s, written));
    else io.out(textReport(file, s, write, zh));
  }
  if (fmt === 'json') io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n');
  return failed ? 1 : 0;
}
