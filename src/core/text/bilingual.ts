/** Text in Chinese, English or both: the one place the choice is made. */
import type { Bilingual } from '../model/schema';

export type LabelLanguage = 'zh' | 'en' | 'both';

/** A heading or value in the chosen language; `both` joins them ("全宗号 Fonds"), once when they agree. */
export function pick(text: Bilingual, language: LabelLanguage): string {
  if (language === 'zh') return text.zh;
  if (language === 'en') return text.en;
  if (text.zh === text.en || text.en === '') return text.zh;
  if (text.zh === '') return text.en;
  return `${text.zh} ${text.en}`;
}

export function langAttr(language: LabelLanguage): string {
  return language === 'en' ? 'en' : 'zh-CN';
}

export function normaliseLanguage(value: unknown): LabelLanguage {
  return value === 'zh' || value === 'en' || value === 'both' ? value : 'both';
}

export type DocLang = 'zh' | 'en' | 'both';
