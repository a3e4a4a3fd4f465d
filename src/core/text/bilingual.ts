/**
 * Text in Chinese, English or both — messages, documents, reports, labels — made in one place. `bi` is the
 * one way: a Bilingual text in a language, `{name}` placeholders filled; the other names here are its
 * shorthand forms. Which language a document is in is chosen once, by docLang.
 */
import { fill, type Lang } from '../model/lang';
import type { Bilingual } from '../model/schema';

/** The language of a generated document: one of the two, or both side by side. */
export type DocLang = 'zh' | 'en' | 'both';

/**
 * `text` in `lang` with `params` filled. `both` gives "中文 / English" (`joiner` between), once when the two
 * agree, and the other alone when one is empty.
 */
export function bi(lang: Lang | DocLang, text: Bilingual, params?: Readonly<Record<string, unknown>>, joiner = ' / '): string {
  const zh = params ? fill(text.zh, params) : text.zh;
  const en = params ? fill(text.en, params) : text.en;
  if (lang === 'zh') return zh;
  if (lang === 'en') return en;
  if (zh === en || en === '') return zh;
  if (zh === '') return en;
  return `${zh}${joiner}${en}`;
}

/** A message in a record's language (rules, findings). */
export function say(lang: Lang, text: Bilingual, params?: Readonly<Record<string, unknown>>): string {
  return bi(lang, text, params);
}

/** A document's words, written inline as Chinese then English. */
export function t(lang: DocLang, zh: string, en: string): string {
  return bi(lang, { zh, en });
}

/** A heading or value on a label, stamp or spine: `both` joins with a space ("全宗号 Fonds"), as printed forms do. */
export function pick(text: Bilingual, language: DocLang): string {
  return bi(language, text, undefined, ' ');
}

export function langAttr(language: DocLang): string {
  return language === 'en' ? 'en' : 'zh-CN';
}

/**
 * The one choice of a document's language: a setting or option (`zh`, `en`, `both`, `auto`), else the
 * fallback — the display language for the editor, LANG for the command line, or both.
 */
export function docLang(value: unknown, fallback: DocLang): DocLang {
  return value === 'zh' || value === 'en' || value === 'both' ? value : fallback;
}

/** A label language from a setting or message (anything else: both). */
export function normaliseLanguage(value: unknown): DocLang {
  return docLang(value, 'both');
}
