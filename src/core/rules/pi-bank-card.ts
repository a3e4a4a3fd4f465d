import { piRule } from './pi-scan';

/** A 16–19 digit number passing Luhn: a bank card left unmasked. */
export const piBankCard = piRule({ code: 'pi-bank-card', kind: 'bank-card', what: { en: 'Bank card number', zh: '银行卡号' } });
