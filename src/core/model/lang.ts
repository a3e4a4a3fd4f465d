/** Language of generated text (findings, documents). The extension passes VS Code's display language. */
export type Lang = 'en' | 'zh';

export function langOf(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh' : 'en';
}

/** `{name}` placeholders filled from params. */
export function fill(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
