import { piRule } from './pi-scan';

/** A landline (010-…, (0571)…, +86 571 …) outside the fields meant for one: a home number in a note is personal information. */
export const piLandline = piRule({
  code: 'pi-landline',
  kind: 'landline',
  what: { en: 'Landline number', zh: '固定电话号码' },
  allowedIn: (ctx, field) => ctx.schema.fields.get(field)?.type === 'phone',
});
