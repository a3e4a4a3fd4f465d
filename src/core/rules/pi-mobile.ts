import { piRule } from './pi-scan';

/** A mobile number outside the fields meant for one (type phone): in a summary, a body, a title. */
export const piMobile = piRule({
  code: 'pi-mobile',
  kind: 'mobile',
  what: { en: 'Mobile number', zh: '手机号' },
  allowedIn: (ctx, field) => ctx.schema.fields.get(field)?.type === 'phone',
});
