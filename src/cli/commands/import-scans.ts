/**
 * `records-curator import --scans DIR`: a folder of scanned PDFs and images attached to the records they
 * belong to, by a file-name pattern (--match) or a mapping table (--table). Part of the import bundle.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openFolder } from '../../core/check/folder';
import { prepareScanImport, type ScanImportSession } from '../../core/import/scan-session';
import { applyChanges } from '../../core/io/changes';
import { printable } from '../../core/text/terminal';
import { UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { cliLang, format, refusalText } from '../load';
import { readPdfPages } from '../readers';

/** A path given on the command line as a path inside the records folder. */
function inside(io: CliIo, root: string, given: string, what: string): string {
  const abs = path.resolve(io.cwd, given);
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  const rel = path.relative(real(root), path.join(real(path.dirname(abs)), path.basename(abs)));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${what} ${given} must be inside the records folder ${root}`);
  return rel.split(path.sep).join('/');
}

function textReport(s: ScanImportSession, write: boolean, zh: boolean): string {
  const { plan, mapping } = s;
  const out: string[] = [];
  const p = (t: string) => out.push(printable(t));
  const how =
    mapping.match !== undefined ? `${zh ? '按文件名' : 'match'} ${mapping.match}` : `${zh ? '按对照表' : 'table'} ${mapping.table} (${mapping.key ?? 'key'})`;
  p(
    `${mapping.folder}/: ${how}${mapping.category ? `, ${zh ? '分类' : 'category'} ${mapping.category}` : ''}; ${zh ? '映射' : 'mapping'} ${s.mappingPath} (${zh ? (s.mappingFrom === 'saved' ? '已保存' : '给定') : s.mappingFrom})`,
  );
  for (const a of plan.attached) {
    const pages = a.pages === undefined ? (zh ? '页数未知' : 'pages unknown') : `${a.pages} ${zh ? '页' : a.pages === 1 ? 'page' : 'pages'}`;
    const where = a.copy ? `${zh ? '复制到' : 'copied to'} ${a.file}` : zh ? '原位' : 'in place';
    p(`${zh ? '附加' : 'attach'}\t${a.scan} → ${a.record}${a.index ? `#${a.index}` : ''}\t(${where}; ${pages}; sha256 ${a.sha256.slice(0, 12)}…)`);
  }
  for (const x of plan.pages)
    p(`${zh ? '页数' : 'pages'}\t${x.record}${x.index ? `#${x.index}` : ''}\tpages: ${x.from ?? (zh ? '（无）' : '(none)')} → ${x.to}`);
  for (const c of plan.conflicts) p(`${zh ? '冲突' : 'conflict'}\t${c.scan ? `${c.scan} → ` : ''}${c.record}\t${c.reason}`);
  for (const k of plan.skipped) p(`${zh ? '跳过' : 'skipped'}\t${k.scan}${k.record ? ` → ${k.record}` : ''}: ${k.note}`);
  for (const n of plan.notes) p(`${zh ? '注意' : 'note'}\t${n.path}: ${n.note}`);
  for (const r of plan.rejected) p(`${zh ? '拒绝' : 'rejected'}\t${r.scan}${r.line ? `:${r.line}` : ''}: ${r.reason}`);
  const counts = zh
    ? `${write ? '已' : '将'}附加 ${plan.attached.length}，设页数 ${plan.pages.length}，跳过 ${plan.skipped.length}，冲突 ${plan.conflicts.length}，拒绝 ${plan.rejected.length}`
    : `${write ? '' : 'would '}attach ${plan.attached.length}, set pages ${plan.pages.length}, skip ${plan.skipped.length}; conflicts ${plan.conflicts.length}, rejected ${plan.rejected.length}`;
  p(counts + (write ? '' : zh ? '（预览，未写入；加 --write 写入）' : ' (dry run: nothing written; add --write to write)'));
  return out.join('\n') + '\n';
}

function jsonReport(s: ScanImportSession, written: boolean): unknown {
  const { plan, mapping } = s;
  return {
    scans: mapping.folder,
    mapping: { path: s.mappingPath, from: s.mappingFrom, match: mapping.match, table: mapping.table, key: mapping.key, category: mapping.category },
    written,
    counts: {
      attached: plan.attached.length,
      pages: plan.pages.length,
      skipped: plan.skipped.length,
      conflicts: plan.conflicts.length,
      rejected: plan.rejected.length,
    },
    attached: plan.attached,
    pages: plan.pages,
    skipped: plan.skipped,
    conflicts: plan.conflicts,
    rejected: plan.rejected,
    notes: plan.notes,
  };
}

export async function runScanImport(args: ParsedArgs, io: CliIo, root: string): Promise<number> {
  const fmt = format(args, ['text', 'json']);
  if (args.positionals.length) throw new UsageError('--scans imports a folder of scans; name no other files');
  const lang = cliLang(args);
  const zh = lang === 'zh';
  const opt = (k: string): string | undefined => {
    const v = args.options.get(k);
    if (v === true) throw new UsageError(`--${k} needs a value`);
    return v;
  };
  const scans = opt('scans')!;
  const st = fs.statSync(path.resolve(io.cwd, scans), { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw new UsageError(`--scans ${scans}: no such folder`);
  const folder = inside(io, root, scans, '--scans');
  const table = opt('table');
  const mapArg = opt('map');
  let mappingText: string | undefined;
  if (mapArg !== undefined) {
    const abs = path.resolve(io.cwd, mapArg);
    if (!fs.statSync(abs, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`--map ${mapArg}: no such file`);
    mappingText = fs.readFileSync(abs, 'utf8');
  }
  const loaded = await openFolder(root, lang);
  const category = opt('category');
  if (category !== undefined && !loaded.schema.schema.categories.has(category)) {
    throw new UsageError(`--category must be one of ${[...loaded.schema.schema.categories.keys()].join(', ')}`);
  }
  const prepared = await prepareScanImport({
    root,
    schema: loaded.schema.schema,
    index: loaded.index,
    folder,
    match: opt('match'),
    table: table === undefined ? undefined : inside(io, root, table, '--table'),
    key: opt('key'),
    category,
    mappingText,
    readPdf: readPdfPages,
    lang,
  });
  if (!prepared.ok) {
    io.err(`records-curator import: ${printable(scans)}: ${printable(prepared.message)}; nothing imported\n`);
    return 1;
  }
  const s = prepared.session;
  const write = args.options.has('write');
  let written = false;
  if (write && s.changes.length) {
    const result = applyChanges(root, s.changes);
    if (!result.ok) {
      io.err(`records-curator import: ${printable(scans)}: ${refusalText(result.error, zh)}\n`);
      return 1;
    }
    written = true;
  }
  io.out(fmt === 'json' ? JSON.stringify(jsonReport(s, written), null, 2) + '\n' : textReport(s, write, zh));
  return s.plan.rejected.length ? 1 : 0;
}
