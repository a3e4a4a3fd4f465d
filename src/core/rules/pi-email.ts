import { piRule } from './pi-scan';

/**
 * An e-mail address outside the fields meant for one: in a summary, a body, a title. Meant for one are fields of
 * type email and the fields naming the people a transfer must notify (disposal.person_fields: contact_person,
 * participants, signatories — `李娜 <li@example.cn>`), where the address is how the notice reaches them (PIPL Art. 22).
 */
export const piEmail = piRule({
  code: 'pi-email',
  kind: 'email',
  what: { en: 'E-mail address', zh: '电子邮箱地址' },
  allowedIn: (ctx, field) => ctx.schema.fields.get(field)?.type === 'email' || ctx.schema.disposal.personFields.has(field),
});
