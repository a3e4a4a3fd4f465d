import {
  boxesFor,
  compareArchiveNo,
  LABEL_KINDS,
  PRESET_NAMES,
  renderCatalogueCsv,
  renderCatalogueHtml,
  renderLabelsCsv,
  renderLabelsHtml,
  type LabelKind,
} from '../../core/labels';
import type { LabelPreset } from '../../core/labels/styles';
import type { DocLang } from '../../core/text/bilingual';
import { field } from '../../core/model/records';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { docLangOption, loadFolder, recordIndexOf, writeOutput } from '../load';

const USAGE = `Usage: records-curator labels [folder] --out FILE.html|FILE.csv [options]

Writes printable labels for the records of FOLDER that have an archive number: a standalone HTML page
(record labels, filing stamps 归档章, box spines) or a CSV for label printers and mail merge.

  --out FILE             .html or .csv; an existing file is not replaced unless --force
  --category KEY         only this category
  --kind LIST            record,stamp,spine (default record,stamp)
  --preset NAME          ${PRESET_NAMES.join(' | ')} (default a4-3x8)
  --lang zh|en|both      language of the labels (default: from LANG)
  --per-box N            items per box for spine labels (default 50)
  --catalogue            write the archive catalogue (归档文件目录) instead of labels
  --force                replace FILE if it exists`;

export const labelsCommand: CliCommand = {
  name: 'labels',
  summary: 'write printable labels (HTML) or a label/catalogue CSV',
  usage: USAGE,
  valueOptions: ['out', 'category', 'kind', 'preset', 'lang', 'per-box'],
  flags: ['catalogue', 'force'],
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
    const folder = await loadFolder(args, io);
    const language: DocLang = docLangOption(args, folder.lang);
    const category = args.options.get('category');
    if (category !== undefined && !folder.schema.schema.categories.has(String(category))) {
      throw new UsageError(`--category must be one of ${[...folder.schema.schema.categories.keys()].join(', ')}`);
    }
    const records = [...recordIndexOf(folder).records()]
      .filter((r) => (field(r, 'archive_no') ?? '').trim() !== '' && (category === undefined || field(r, 'category') === category))
      .sort((a, b) => compareArchiveNo(field(a, 'archive_no')!, field(b, 'archive_no')!));
    const schema = folder.schema.schema;
    const csv = /\.csv$/i.test(out);
    const title = args.options.has('catalogue') ? (language === 'en' ? 'Archive catalogue' : '归档文件目录') : language === 'en' ? 'Labels' : '档案标签';
    const text = args.options.has('catalogue')
      ? csv
        ? renderCatalogueCsv(records, schema, language)
        : renderCatalogueHtml(records, schema, { language, title }).replace('<!--toolbar-->', '')
      : csv
        ? renderLabelsCsv(records, schema, language)
        : renderLabelsHtml(records, schema, { kinds, preset, language, title, boxes: boxesFor(records, schema, perBox) }).replace('<!--toolbar-->', '');
    return writeOutput('labels', args, io, out, text, records.length);
  },
};
