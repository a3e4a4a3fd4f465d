import { piRule } from './pi-scan';

/** An e-mail address outside the fields meant for one (type email): in a summary, a body, a title. */
export const piEmail = piRule({
  code: 'pi-email',
  kind: 'email',
  what: { en: 'E-mail address', zh: '电子邮箱地址' },
  allowedIn: (ctx, field) => ctx.schema.fields.get(field)?.type === 'email',
});
