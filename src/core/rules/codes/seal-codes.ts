/** Codes of what `check --keys` finds when it opens sealed values in memory (src/core/seal/open-check.ts). */
import type { CodeDeclaration } from './declaration';

const seal = (d: Omit<CodeDeclaration, 'kind'>): CodeDeclaration => ({ ...d, kind: 'record' });

export const SEAL_CODES: readonly CodeDeclaration[] = [
  seal({
    code: 'sealed-wrong-key',
    severity: 'error',
    title: { en: "A sealed value does not open with its customer's key", zh: '加密值无法用其客户的密钥打开' },
  }),
  seal({ code: 'sealed-tampered', severity: 'error', fixed: true, title: { en: 'A sealed value was changed after sealing', zh: '加密值在加密后被改动' } }),
  seal({ code: 'sealed-erased', severity: 'info', title: { en: "A sealed value whose customer's key was destroyed", zh: '客户密钥已销毁的加密值' } }),
];
