import type { Lang } from '../model/lang';

/** The parser's own words for syntax problems are precise; only the lead-in is translated. */
const ZH: Record<string, string> = {
  'yaml-syntax': 'YAML 语法错误',
  'duplicate-key': '重复的键',
  'yaml-alias-limit': 'YAML 别名展开过多（可能是“别名炸弹”）',
  'not-a-mapping': '记录必须是“键: 值”映射',
  binary: '文件看起来是二进制文件，不是文本记录',
  encoding: '文件不是 UTF-8 编码',
  'too-large': '文件过大，未读取',
  // What the walk saw but did not read (records/skipped.ts) and front matter after blank lines (index-file.ts).
  'unreadable-folder': '文件夹无法列出',
  'not-a-file': '不是普通文件',
  symlink: '符号链接',
  'front-matter-not-at-start': '前置元数据不在文件开头',
};

export function parseProblemMessage(code: string, message: string, lang: Lang): string {
  if (lang !== 'zh' || !(code in ZH)) return message;
  return `${ZH[code]}：${message}`;
}
