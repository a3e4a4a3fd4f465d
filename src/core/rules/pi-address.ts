import { piRule } from './pi-scan';

/** A street address (…区…路88号) outside the address fields: where a person lives is personal information. */
export const piAddress = piRule({
  code: 'pi-address',
  kind: 'address',
  what: { en: 'Street address', zh: '详细地址' },
  allowedIn: (ctx, field) => {
    const def = ctx.schema.fields.get(field);
    return def !== undefined && (def.name === 'address' || def.label.zh.includes('地址') || /address/i.test(def.label.en));
  },
});
