/** Standalone HTML documents and webview pages: a strict Content-Security-Policy, nothing loaded from outside. */
import { langAttr, type DocLang } from './bilingual';
import { escapeHtml } from './escape';

/** The Content-Security-Policy for a webview (with nonce) or a standalone file (no script at all). */
export function csp(nonce: string | undefined, cspSource: string | undefined): string {
  if (nonce === undefined) return "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('labels: the nonce must be base64 or hex characters');
  const src = cspSource ?? '';
  // VS Code's own value (it may hold keywords such as 'self'); refuse only what could end the policy or the tag.
  if (/[;"<>\r\n]/.test(src)) throw new Error('labels: invalid cspSource');
  const s = src ? `${src} ` : '';
  return `default-src 'none'; style-src ${s}'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${s}data:;${src ? ` font-src ${src};` : ''}`;
}

export interface DocumentParts {
  title: string;
  language: DocLang;
  css: string;
  body: string;
  bodyClass?: string;
  nonce?: string;
  cspSource?: string;
}

/** A complete standalone document; `<!--toolbar-->` right after `<body>` is where a webview injects its toolbar. */
export function htmlDocument(p: DocumentParts): string {
  const nonceAttr = p.nonce === undefined ? '' : ` nonce="${escapeHtml(p.nonce)}"`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${langAttr(p.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp(p.nonce, p.cspSource))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style${nonceAttr}>${p.css}</style>`,
    '</head>',
    `<body${p.bodyClass ? ` class="${escapeHtml(p.bodyClass)}"` : ''}>`,
    '<!--toolbar-->',
    p.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
