import { folderBatches } from '../../core/check/folder';
import { readBatch } from '../../core/disposal/batch';
import {
  boxesFor,
  compareArchiveNo,
  goneFromBatches,
  LABEL_KINDS,
  PRESET_NAMES,
  printableRecords,
  renderBoxNotesHtml,
  renderCatalogueCsv,
  renderCatalogueHtml,
  renderLabelsCsv,
  renderLabelsHtml,
  type GoneItem,
  type LabelKind,
} from '../../core/labels';
import type { LabelPreset } from '../../core/labels/styles';
import type { DocLang } from '../../core/text/bilingual';
import { printable } from '../../core/text/terminal';
import { field } from '../../core/model/records';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { docLangOption, loadFolder, recordIndexOf, writeOutput, type LoadedFolder } from '../load';

const USAGE = `Usage: records-curator labels [folder] --out FILE.html|FILE.csv [options]

Writes printable labels for the records of FOLDER that have an archive number: a standalone HTML page
(record labels, filing stamps 归档章, box spines) or a CSV for label printers and mail merge. The retention
printed is the one that governs each record. A record whose archive number contradicts it (archive-no-mismatch)
is left out, and said so: renumber it first (records-curator renumber).

  --out FILE             .html or .csv; an existing file is not replaced unless --force
  --category KEY         only this category
  --kind LIST            record,stamp,spine (default record,stamp)
  --preset NAME          ${PRESET_NAMES.join(' | ')} (default a4-3x8)
  --lang zh|en|both      language of the labels (default: from LANG)
  --per-box N            items per box for spine labels and box note sheets (default 50)
  --catalogue            write the archive catalogue (归档文件目录) instead: per year and retention, each with a
                         cover, A4 landscape; destroyed items stay listed with 备注 销毁
  --box-notes            write the box note sheets (备考表) instead, one A4 page per box (HTML only)
  --force                replace FILE if it exists`;

/** Items destroyed by executed destruction batches: still in the catalogue and their box. */
function goneItems(folder: LoadedFolder): GoneItem[] {
  const batches = folderBatches(folder).flatMap((b) => {
    const batch = readBatch(b.text);
    return batch ? [batch.data] : [];
  });
  return goneFromBatches(batches);
}

export const labelsCommand: CliCommand = {
  name: 'labels',
  summary: 'write printable labels (HTML), the catalogue or the box note sheets, or a label/catalogue CSV',
  usage: USAGE,
  valueOptions: ['out', 'category', 'kind', 'preset', 'lang', 'per-box'],
  flags: ['catalogue', 'box-notes', 'force'],
  async run(args, io) {
    const out = args.options.get('out');
    if (typeof out !== 'string' || !/\.(html?|csv)$/i.test(out)) throw new UsageError('--out FILE.html or FILE.csv is required');
    const kinds = String(args.options.get('kind') ?? 'record,stamp')
      .split(',')
      .map((k) => k.trim()) as LabelKind[];
    if (kinds.some((k) => !LABEL_KINDS.includes(k))) throw new UsageError(`--kind takes ${LABEL_KINDS.join(',')}`);
    const preset = String(args.options.get('preset') ?? 'a4-3x8') as LabelPreset;
    if (!PRESET_NAMES.includes(preset)) throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(', ')}`);
    const perBox = Number(args.options.get('per-box') ?? 50);
    if (!Number.isInteger(perBox) || perBox < 1) throw new UsageError('--per-box needs a whole number ≥ 1');
    const catalogue = args.options.has('catalogue');
    const boxNotes = args.options.has('box-notes');
    if (catalogue && boxNotes) throw new UsageError('--catalogue and --box-notes exclude each other');
    const csv = /\.csv$/i.test(out);
    if (boxNotes && csv) throw new UsageError('--box-notes writes HTML: --out FILE.html');
    const folder = await loadFolder(args, io);
    const language: DocLang = docLangOption(args, folder.lang);
    const category = args.options.get('category');
    if (category !== undefined && !folder.schema.schema.categories.has(String(category))) {
      throw new UsageError(`--category must be one of ${[...folder.schema.schema.categories.keys()].join(', ')}`);
    }
    const numbered = [...recordIndexOf(folder).records()]
      .filter((r) => (field(r, 'archive_no') ?? '').trim() !== '' && (category === undefined || field(r, 'category') === category))
      .sort((a, b) => compareArchiveNo(field(a, 'archive_no')!, field(b, 'archive_no')!));
    if (!numbered.length) {
      // An empty sheet says nothing: say why, and what gives records their numbers.
      const numberedAtAll = [...recordIndexOf(folder).records()].some((r) => (field(r, 'archive_no') ?? '').trim() !== '');
      io.err(
        folder.lang === 'zh'
          ? `records-curator labels: ${numberedAtAll ? '所选记录' : '没有记录'}尚无档号，未写入任何内容；请先用 records-curator number ${numberedAtAll ? '' : '. '}--write 编号\n`
          : `records-curator labels: no ${numberedAtAll ? 'selected ' : ''}record has an archive number yet, so there is nothing to label and nothing was written; number them first: records-curator number . --write\n`,
      );
      return 1;
    }
    const schema = folder.schema.schema;
    const { ok: records, contradicted } = printableRecords(numbered, schema);
    const zh = folder.lang === 'zh';
    for (const r of contradicted)
      io.err(
        `${printable(`${r.file}:${r.line + 1}`)}\t${zh ? '未打印：档号与记录不符（archive-no-mismatch），请先重编档号' : 'left out: its archive number contradicts the record (archive-no-mismatch); renumber it first'}\t${printable(field(r, 'archive_no') ?? '')}\n`,
      );
    const gone = catalogue || boxNotes ? goneItems(folder).filter((g) => category === undefined || g.category === category) : [];
    const title = catalogue
      ? language === 'en'
        ? 'Archive catalogue'
        : '归档文件目录'
      : boxNotes
        ? language === 'en'
          ? 'Box note sheets'
          : '备考表'
        : language === 'en'
          ? 'Labels'
          : '档案标签';
    const boxes = () =>
      boxesFor(
        records,
        schema,
        perBox,
        gone.map((g) => g.archiveNo),
      );
    const text = catalogue
      ? csv
        ? renderCatalogueCsv(records, schema, language, gone)
        : renderCatalogueHtml(records, schema, { language, title, gone }).replace('<!--toolbar-->', '')
      : boxNotes
        ? renderBoxNotesHtml(boxes(), records, schema, { language, title, gone }).replace('<!--toolbar-->', '')
        : csv
          ? renderLabelsCsv(records, schema, language)
          : renderLabelsHtml(records, schema, { kinds, preset, language, title, boxes: boxes() }).replace('<!--toolbar-->', '');
    return writeOutput('labels', args, io, out, text, records.length);
  },
};
