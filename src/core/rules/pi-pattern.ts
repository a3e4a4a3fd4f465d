import { piRule } from './pi-scan';

/** The workspace's own kinds of personal information (`personal_info:` in the schema), outside the fields they belong in. */
export const piPattern = piRule({
  code: 'pi-pattern',
  kind: 'pattern',
  what: { en: 'Personal information', zh: '个人信息' },
  allowedIn: (_ctx, field, hit) => hit.pattern?.allowedIn.includes(field) === true,
});
