import { piRule } from './pi-scan';

/** A valid resident ID number (checksum and birth date) left unmasked anywhere in the record. */
export const piIdNumber = piRule({ code: 'pi-id-number', kind: 'id-number', what: { en: 'Resident ID number', zh: '身份证号' } });
