/**
 * What reading a table file says — its encoding, its header, a workbook's sheets and cells — in the index's
 * language (the command line's --lang, the editor's display language), through `say` as the rows' rejections are.
 */
import type { Bilingual } from '../model/schema';

export const TABLE_MSG = {
  // decode-table.ts
  utf16: { en: 'the file starts with a UTF-16 byte order mark but is not valid UTF-16', zh: '文件以 UTF-16 字节顺序标记开头，但不是有效的 UTF-16' },
  utf8: { en: 'the file starts with a UTF-8 byte order mark but is not valid UTF-8', zh: '文件以 UTF-8 字节顺序标记开头，但不是有效的 UTF-8' },
  encoding: {
    en: 'the file is neither UTF-8, UTF-16 (with a BOM) nor GB18030/GBK; re-save it as UTF-8',
    zh: '文件既不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030/GBK；请另存为 UTF-8',
  },
  // table.ts
  noRows: { en: 'the table has no rows', zh: '表格没有任何行' },
  headerLine: { en: 'the header is on line {line}; {count} rows above it not imported', zh: '表头在第 {line} 行；其上方的 {count} 行未导入' },
  headerLineOne: { en: 'the header is on line {line}; 1 row above it not imported', zh: '表头在第 {line} 行；其上方的 1 行未导入' },
  headerTwice: { en: 'the header {name} appears {count} times; this one is read as {as}', zh: '表头 {name} 出现了 {count} 次；这一个按 {as} 读取' },
  // read-text-table.ts
  duplicateKey: {
    en: 'an object has the same key twice; JSON readers would keep only the last, so the file is not imported',
    zh: '某个对象有两个相同的键；JSON 读取器只会保留后一个，因此不导入此文件',
  },
  jsonArray: { en: 'a JSON table must be an array of objects', zh: 'JSON 表格必须是对象数组' },
  // read-xlsx.ts
  formula: {
    en: 'column {column}: a formula with no value saved in the file; formulas are never calculated here, so it is empty',
    zh: '第 {column} 列：公式在文件中没有保存值；此处从不计算公式，因此为空',
  },
  cellError: { en: 'column {column}: the cell holds the error {error}', zh: '第 {column} 列：单元格中是错误值 {error}' },
  xls: {
    en: 'the file is password-protected or an old .xls (not a zip workbook); save it as .xlsx without a password',
    zh: '文件有密码保护或是旧的 .xls（不是 zip 工作簿）；请另存为无密码的 .xlsx',
  },
  notZip: { en: 'not an .xlsx workbook (it is not a zip file)', zh: '不是 .xlsx 工作簿（不是 zip 文件）' },
  workbook: { en: 'the workbook cannot be read ({why})', zh: '无法读取此工作簿（{why}）' },
  noSheet: { en: 'the workbook has no sheet with data', zh: '工作簿中没有含数据的工作表' },
  sheets: {
    en: 'the workbook has {count} sheets with data; only the first, {name}, is imported',
    zh: '工作簿中有 {count} 个含数据的工作表；只导入第一个 {name}',
  },
} satisfies Record<string, Bilingual>;
