import { archiveNoMismatch } from './archive-no-mismatch';
import { duplicateField } from './duplicate-field';
import { emptyField } from './empty-field';
import { fieldAlias, valueAlias } from './field-alias';
import { invalidArchiveNo } from './invalid-archive-no';
import { invalidBoolean } from './invalid-boolean';
import { invalidCreditCode } from './invalid-credit-code';
import { invalidDate } from './invalid-date';
import { invalidDatetime } from './invalid-datetime';
import { invalidEmail } from './invalid-email';
import { invalidEnum } from './invalid-enum';
import { invalidIdNumber } from './invalid-id-number';
import { invalidList } from './invalid-list';
import { invalidMoney } from './invalid-money';
import { invalidNumber } from './invalid-number';
import { invalidPattern } from './invalid-pattern';
import { invalidPhone } from './invalid-phone';
import { missingAttachment } from './missing-attachment';
import { missingCategory } from './missing-category';
import { missingField } from './missing-field';
import { piAddress } from './pi-address';
import { piBankCard } from './pi-bank-card';
import { piEmail } from './pi-email';
import { piIdNumber } from './pi-id-number';
import { piLandline } from './pi-landline';
import { piMobile } from './pi-mobile';
import { piPassport } from './pi-passport';
import { piPattern } from './pi-pattern';
import { piTravelPermit } from './pi-travel-permit';
import { plainSensitive } from './plain-sensitive';
import { retentionTooShort } from './retention-too-short';
import type { RecordRule } from './rule';
import { sealedInvalid } from './sealed-invalid';
import { unknownCategory } from './unknown-category';
import { unknownField } from './unknown-field';
import { unquotedNumber } from './unquoted-number';

/** Every record rule, one module each. Parse problems and duplicates are reported by the parser and the index. */
export const allRules: readonly RecordRule[] = [
  missingCategory,
  unknownCategory,
  missingField,
  emptyField,
  invalidDate,
  invalidDatetime,
  invalidEnum,
  invalidNumber,
  invalidMoney,
  invalidBoolean,
  invalidList,
  invalidEmail,
  invalidPhone,
  invalidIdNumber,
  invalidCreditCode,
  invalidPattern,
  unquotedNumber,
  invalidArchiveNo,
  archiveNoMismatch,
  retentionTooShort,
  missingAttachment,
  piIdNumber,
  piBankCard,
  piMobile,
  piLandline,
  piEmail,
  piAddress,
  piPassport,
  piTravelPermit,
  piPattern,
  plainSensitive,
  sealedInvalid,
  unknownField,
  duplicateField,
  fieldAlias,
  valueAlias,
];
