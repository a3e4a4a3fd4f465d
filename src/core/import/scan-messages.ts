/**
 * What a scan import says — rejections, conflicts, notes, refusals of its folder, mapping and table — in the
 * index's language (the command line's --lang), through `say` as the table import's rejections are.
 */
import type { Bilingual } from '../model/schema';

export const SCAN_MSG = {
  // scan-plan.ts
  notInFolder: { en: '{name}: no such scan in the folder', zh: '{name}：文件夹中没有这个扫描件' },
  notAScan: { en: 'not a PDF, JPEG, PNG or TIFF scan; left', zh: '不是 PDF、JPEG、PNG 或 TIFF 扫描件；未处理' },
  badName: {
    en: 'the name is not one plain file name (control characters, a reserved character, over 120 characters); rename it',
    zh: '文件名不是单纯的文件名（含控制字符或保留字符，或超过 120 个字符）；请重命名',
  },
  unfit: { en: 'the name does not fit {pattern}', zh: '文件名不符合 {pattern}' },
  noneByPattern: { en: 'no record has the {fields} the name gives', zh: '没有记录具有文件名给出的 {fields}' },
  noneByPatternIn: { en: 'no record of category {category} has the {fields} the name gives', zh: '类别 {category} 中没有记录具有文件名给出的 {fields}' },
  notInTable: { en: 'not in the table {path}', zh: '不在对照表 {path} 中' },
  noneByKey: { en: 'no record has {key} {value}', zh: '没有记录的 {key} 为 {value}' },
  noneByKeyIn: { en: 'no record of category {category} has {key} {value}', zh: '类别 {category} 中没有记录的 {key} 为 {value}' },
  goneRecord: {
    en: 'attached before to a record no longer in the folder; not attached again',
    zh: '以前已挂接到一条记录，但该记录已不在文件夹中；不再重新挂接',
  },
  listedAlready: { en: 'the record lists it already', zh: '记录已列出此扫描件' },
  noMatch: { en: 'matches no record: {why}', zh: '没有匹配的记录：{why}' },
  many: {
    en: 'matches {count} records ({files}); attached to none — make the pattern or the table tell them apart, or give the category (--category)',
    zh: '匹配到 {count} 条记录（{files}）；未挂接到任何一条——请让文件名模式或对照表区分它们，或指定类别（--category）',
  },
  tooBig: { en: '{size} MB: over the {max} MB a scan may have here; split it', zh: '{size} MB：超过此处扫描件的上限 {max} MB；请拆分' },
  unreadable: { en: 'cannot be read ({why})', zh: '无法读取（{why}）' },
  duplicate: { en: 'the same bytes as {twin}: a duplicate scan; only that one is attached', zh: '与 {twin} 内容完全相同：重复的扫描件；只挂接那一份' },
  notAttached: { en: '{reason}; not attached', zh: '{reason}；未挂接' },
  refused: { en: '{path} {why}', zh: '{path}{why}' },
  targetIsRecord: { en: '{path} would be taken for a record; rename the scan', zh: '{path} 会被当作一条记录；请重命名扫描件' },
  sameTarget: { en: '{path} is where {other} goes too; rename one of them', zh: '{other} 也要放到 {path}；请重命名其中一个' },
  scanChanged: {
    en: 'the scan changed since it was attached as {path}; the attached copy is left as it is',
    zh: '扫描件在作为 {path} 挂接后已改变；已挂接的副本保持不变',
  },
  otherContent: { en: '{path} exists already with other content; left as it is', zh: '{path} 已存在且内容不同；保持不变' },
  // scan-records.ts
  noFolderName: { en: '{path} has no id that can name a folder for its scans', zh: '{path} 没有可用作其扫描件文件夹名的 id' },
  notPdfOrImage: { en: '{path} is not a PDF or an image', zh: '{path} 不是 PDF 或图像' },
  cannotRead: { en: '{path} cannot be read', zh: '无法读取 {path}' },
  pagesOf: { en: '{path}: {why}', zh: '{path}：{why}' },
  pagesUnknown: { en: 'pages unknown', zh: '页数未知' },
  attachedBefore: { en: 'attached before; unchanged', zh: '以前已挂接；没有变化' },
  sameScan: { en: 'the record has the same scan already, as {value}', zh: '记录已有相同的扫描件：{value}' },
  pagesLeft: {
    en: "pages left as {now}: not every attachment's pages are known ({why})",
    zh: '页数保持为 {now}：并非每个附件的页数都已知（{why}）',
  },
  none: { en: '(none)', zh: '（无）' },
  pagesConflict: { en: 'pages: now {now}, the attachments have {total} pages; left as it is', zh: 'pages：现为 {now}，附件共 {total} 页；保持不变' },
  recordRefused: { en: '{path}: {reason}; not attached', zh: '{path}：{reason}；未挂接' },
  changedSinceRead: { en: 'changed since the folder was read', zh: '在读取文件夹后被修改' },
  cannotEdit: { en: '{path} cannot be edited safely ({reason}); not attached', zh: '{path} 无法安全编辑（{reason}）；未挂接' },
  // scan-pages.ts
  empty: { en: 'the file is empty', zh: '文件为空' },
  notPdf: { en: 'not a PDF (it does not start with %PDF-)', zh: '不是 PDF（开头不是 %PDF-）' },
  pdfCut: { en: 'the PDF is cut off (no %%EOF at its end): a damaged copy', zh: 'PDF 不完整（末尾没有 %%EOF）：是损坏的副本' },
  pdfUncounted: { en: 'PDF pages cannot be counted here', zh: '此处无法统计 PDF 页数' },
  pdfUnreadable: { en: 'the PDF cannot be read ({why})', zh: '无法读取此 PDF（{why}）' },
  noPages: { en: 'no pages', zh: '没有页面' },
  pagesCounted: { en: '{count} pages counted', zh: '已统计 {count} 页' },
  pagesUncounted: { en: 'its pages cannot be counted', zh: '无法统计其页数' },
  password: {
    en: 'password-protected ({counted}): keep its password with the record, or scan it again without one',
    zh: '有密码保护（{counted}）：请将密码与记录一同保管，或重新扫描一份无密码的',
  },
  notJpeg: { en: 'not a JPEG image', zh: '不是 JPEG 图像' },
  notPng: { en: 'not a PNG image', zh: '不是 PNG 图像' },
  notTiff: { en: 'not a TIFF image', zh: '不是 TIFF 图像' },
  tiffCut: { en: 'the TIFF is cut off', zh: 'TIFF 不完整' },
  tiffLoop: { en: 'the TIFF is damaged (its chain of images loops back on itself)', zh: 'TIFF 已损坏（其图像链循环指回自身）' },
  tiffNoFirst: { en: 'the TIFF is cut off (its first image is missing)', zh: 'TIFF 不完整（缺少第一幅图像）' },
  tiffCutAfter: { en: 'the TIFF is cut off after {count} images: a damaged copy', zh: 'TIFF 在第 {count} 幅图像后中断：是损坏的副本' },
  tiffCutAfterOne: { en: 'the TIFF is cut off after 1 image: a damaged copy', zh: 'TIFF 在第 1 幅图像后中断：是损坏的副本' },
  // scan-walk.ts
  folderLink: { en: '{path}: is or passes through a symbolic link, which is never followed', zh: '{path}：是符号链接或经过符号链接，不会跟随' },
  folderOutside: { en: '{path}: is not a folder inside the records folder', zh: '{path}：不是档案文件夹内的文件夹' },
  noFolder: { en: '{path}: no such folder', zh: '{path}：没有这个文件夹' },
  folderUnreadable: { en: 'the folder cannot be read ({why})', zh: '无法读取此文件夹（{why}）' },
  dotFile: { en: 'a dot file or folder; left', zh: '以点开头的文件或文件夹；未处理' },
  link: { en: 'is a symbolic link, which is never followed', zh: '是符号链接，不会跟随' },
  tooDeep: { en: 'more than {max} folders deep; not read', zh: '文件夹层级超过 {max} 层；未读取' },
  notFile: { en: 'is not a regular file', zh: '不是普通文件' },
  tooMany: { en: 'more than {max} files in the folder; import it in parts', zh: '文件夹中的文件超过 {max} 个；请分批导入' },
  // scan-table.ts
  tableAt: { en: '{path}: {message}', zh: '{path}：{message}' },
  tableColumns: {
    en: '{path}: the table must have the columns file,key (its header row says {headers})',
    zh: '{path}：对照表必须有 file,key 两列（其表头为 {headers}）',
  },
  nothing: { en: 'nothing', zh: '空' },
  tableSecond: { en: '{path}: the second column {column} is not key or a field of the schema', zh: '{path}：第二列 {column} 不是 key，也不是架构中的字段' },
  noFileNamed: { en: 'no file named', zh: '没有写文件名' },
  notInside: {
    en: '{name} is not a path inside the scans folder (no "..", no absolute path, "/" between folders)',
    zh: '{name} 不是扫描件文件夹内的路径（不可有“..”或绝对路径，文件夹之间用“/”）',
  },
  noValue: { en: '{name}: no {field}', zh: '{name}：没有 {field}' },
  namedAgain: { en: '{name} is named again: line {line} has it already', zh: '{name} 重复出现：第 {line} 行已有' },
  // scan-session.ts
  folderNotInside: { en: '{path}: the scans folder must be a folder inside the records folder', zh: '{path}：扫描件文件夹必须是档案文件夹内的文件夹' },
  noTable: { en: '{path}: no such table in the folder (or a link, never followed)', zh: '{path}：文件夹中没有这个对照表（或是符号链接，不会跟随）' },
  badState: { en: '{path} is not the JSON this import writes; move it away to import afresh', zh: '{path} 不是本导入写入的 JSON；将其移走即可重新导入' },
  mappingAt: { en: '{path}: {message}', zh: '{path}：{message}' },
} satisfies Record<string, Bilingual>;
