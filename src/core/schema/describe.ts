/** What Set Up found and proposes, in words, for the command line's summary and the extension's steps. */
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import type { Proposal, Proposed, SeenKey, SeenValue } from './infer';

/** How one key the records write is read, or would be read. */
export function describeKey(k: SeenKey, lang: Lang): string {
  switch (k.reading) {
    case 'own':
      return say(lang, { en: 'a field of the schema', zh: '架构中的字段' });
    case 'alias':
      return say(lang, { en: 'read as {f}', zh: '按 {f} 读取' }, { f: k.field });
    case 'label':
      return say(lang, { en: "{f}'s label: becomes an alias of {f}", zh: '是 {f} 的名称：设为 {f} 的别名' }, { f: k.field });
    case 'slip':
      return say(
        lang,
        { en: 'looks like a slip for {f}: left undeclared, so check reports it with a rename', zh: '疑为 {f} 的笔误：不声明，检查时提示并可重命名' },
        { f: k.field },
      );
    case 'new':
      return say(lang, { en: 'not in the schema: becomes a new field ({t})', zh: '架构中没有：新增字段（{t}）' }, { t: k.type });
  }
}

export function describeValue(v: SeenValue, lang: Lang): string {
  switch (v.reading) {
    case 'own':
      return say(lang, { en: 'allowed', zh: '允许的取值' });
    case 'alias':
      return say(lang, { en: 'read as {r}', zh: '按 {r} 读取' }, { r: v.reads });
    case 'label':
      return say(lang, { en: "{r}'s label: becomes an alias of {r}", zh: '是 {r} 的名称：设为 {r} 的别名' }, { r: v.reads });
    default:
      return v.field === 'category'
        ? say(lang, { en: 'no such category: check reports it', zh: '没有此分类：检查时提示' })
        : say(lang, { en: 'not an allowed value: check reports it', zh: '不是允许的取值：检查时提示' });
  }
}

export function describeChange(c: Proposed, lang: Lang): string {
  switch (c.kind) {
    case 'field-alias':
      return say(lang, { en: 'read key {k} as field {f} ({n} records)', zh: '将键 {k} 读作字段 {f}（{n} 条记录）' }, { k: c.key, f: c.field, n: c.records });
    case 'value-alias':
      return say(
        lang,
        { en: 'read {f} value {v} as {r} ({n} records)', zh: '将 {f} 的取值 {v} 读作 {r}（{n} 条记录）' },
        { f: c.field, v: c.value, r: c.reads, n: c.records },
      );
    case 'new-field':
      return say(lang, { en: 'declare field {k} ({t}; in {n} records)', zh: '声明字段 {k}（{t}；{n} 条记录）' }, { k: c.key, t: c.type, n: c.records });
    case 'not-required':
      return c.category
        ? say(
            lang,
            { en: 'do not require {f} in category {c} (only {h} of {o} have it)', zh: '{c} 类不再要求 {f}（{o} 条中仅 {h} 条有）' },
            { f: c.field, c: c.category, h: c.have, o: c.of },
          )
        : say(
            lang,
            { en: 'do not require {f} (only {h} of {o} records have it)', zh: '不再要求 {f}（{o} 条记录中仅 {h} 条有）' },
            { f: c.field, h: c.have, o: c.of },
          );
  }
}

/** The whole summary: what was read, every key and value not the schema's own, and the proposed changes. */
export function describeProposal(p: Proposal, lang: Lang): string {
  const lines = [say(lang, { en: 'Read {r} records in {f} files.', zh: '读取了 {f} 个文件中的 {r} 条记录。' }, { r: p.records, f: p.files })];
  const keys = p.keys.filter((k) => k.reading !== 'own');
  if (keys.length) {
    lines.push('', say(lang, { en: 'Keys:', zh: '键：' }));
    for (const k of keys) lines.push(`  ${k.key} (${k.records}): ${describeKey(k, lang)}`);
  }
  const values = p.values.filter((v) => v.reading !== 'own');
  if (values.length) {
    lines.push('', say(lang, { en: 'Categories and values:', zh: '分类与取值：' }));
    for (const v of values) lines.push(`  ${v.field} ${v.value} (${v.records}): ${describeValue(v, lang)}`);
  }
  lines.push('', say(lang, { en: 'Changes to the built-in schema:', zh: '对内置架构的修改：' }));
  if (!p.changes.length) lines.push(say(lang, { en: '  none: the built-in schema reads these records as they are', zh: '  无：内置架构可直接读取这些记录' }));
  for (const c of p.changes) lines.push(`  ${describeChange(c, lang)}`);
  return lines.join('\n');
}

/**
 * The comment Set Up puts at the top of the schema it writes: what it read and how, so whoever opens the
 * file later knows where the aliases and fields came from.
 */
export function setUpHeader(p: Proposal, lang: Lang, day: string): string {
  const lines = [
    say(
      lang,
      { en: 'Written by Set Up Records Curator on {d}, from the records of this folder.', zh: '由“设置 Records Curator”于 {d} 根据本文件夹的记录生成。' },
      { d: day },
    ),
    ...describeProposal(p, lang).split('\n'),
  ];
  return lines.map((l) => (l ? `# ${l}` : '#')).join('\n') + '\n\n';
}
