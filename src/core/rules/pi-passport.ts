import { piRule } from './pi-scan';

/** A passport number after the word for it (护照号 E12345678, passport no. G12345678). */
export const piPassport = piRule({ code: 'pi-passport', kind: 'passport', what: { en: 'Passport number', zh: '护照号码' } });
