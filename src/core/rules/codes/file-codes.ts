/** Codes of what the file reader and the walk report: a file that cannot be read as a record, and why. */
import type { CodeDeclaration } from './declaration';

const file = (d: Omit<CodeDeclaration, 'kind'>): CodeDeclaration => ({ ...d, kind: 'file' });

export const FILE_CODES: readonly CodeDeclaration[] = [
  file({
    code: 'yaml-syntax',
    severity: 'error',
    title: { en: 'The YAML cannot be parsed, or front matter is not closed', zh: 'YAML 无法解析，或前置元数据未闭合' },
    leadIn: 'YAML 语法错误',
  }),
  file({ code: 'duplicate-key', severity: 'error', title: { en: 'A key appears twice in one record', zh: '同一记录中键重复' }, leadIn: '重复的键' }),
  file({
    code: 'yaml-alias-limit',
    severity: 'error',
    title: { en: 'Too many YAML alias expansions (alias bomb)', zh: 'YAML 别名展开过多（别名炸弹）' },
    leadIn: 'YAML 别名展开过多（可能是“别名炸弹”）',
  }),
  file({
    code: 'not-a-mapping',
    severity: 'error',
    title: { en: 'A record is a list or a single value, not fields', zh: '记录是列表或单个值，而非字段映射' },
    leadIn: '记录必须是“键: 值”映射',
  }),
  file({
    code: 'binary',
    severity: 'error',
    title: { en: 'The file is binary, not a text record', zh: '文件是二进制文件，不是文本记录' },
    leadIn: '文件看起来是二进制文件，不是文本记录',
  }),
  file({ code: 'encoding', severity: 'error', title: { en: 'The file is not UTF-8', zh: '文件不是 UTF-8 编码' }, leadIn: '文件不是 UTF-8 编码' }),
  file({
    code: 'too-large',
    severity: 'warning',
    title: { en: 'The file is over the size limit and was not read', zh: '文件超过大小上限，未读取' },
    leadIn: '文件过大，未读取',
  }),
  file({ code: 'unreadable', severity: 'error', fixed: true, title: { en: 'The file cannot be read (permissions, I/O)', zh: '文件无法读取（权限、I/O）' } }),
  // Records behind it are unknown and numbering is blocked: it must stop `check` too, so it cannot be turned down.
  file({
    code: 'unreadable-folder',
    severity: 'error',
    fixed: true,
    title: { en: 'A folder cannot be listed; numbering is blocked', zh: '文件夹无法列出；编号暂停' },
    leadIn: '文件夹无法列出',
  }),
  file({
    code: 'not-a-file',
    severity: 'error',
    fixed: true,
    title: { en: 'A FIFO, socket or device is named like a record; numbering is blocked', zh: '名称像记录文件的命名管道、套接字或设备；编号暂停' },
    leadIn: '不是普通文件',
  }),
  // A link loses nothing when its target is inside (checked there); one to outside is the user's to judge.
  file({
    code: 'symlink',
    severity: 'warning',
    title: { en: 'A symbolic link (never followed), and where it points', zh: '符号链接（从不跟随）及其指向' },
    leadIn: '符号链接',
  }),
  // The record is not read at all, as if it were not there: as serious as YAML that cannot be parsed.
  file({
    code: 'front-matter-not-at-start',
    severity: 'error',
    title: { en: 'Blank lines before the front matter: the record is not read', zh: '前置元数据之前有空行：记录未读取' },
    leadIn: '前置元数据不在文件开头',
  }),
];
