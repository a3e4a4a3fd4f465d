/**
 * What a bulk edit does to each record it selects: set a field, rename a key, remove a field, move the
 * record to another category. Checked together before any record is looked at: each field is touched by
 * one operation, archive numbers are left to `number` and `renumber`, a move names a category the schema has.
 */
import type { Bilingual, Schema } from '../model/schema';
import { categoryOf, fieldOf } from './values';

export type BulkOperation =
  /** `field` as the person wrote it (`客户` or `customer`); a field the record lacks is added in schema order. */
  | { op: 'set'; field: string; value: string }
  /** A key as written in the files (`custmer`, `客户`) becomes `to`; the value stays as it is. */
  | { op: 'rename'; from: string; to: string }
  /** The field goes, under whichever key the record writes it (its name or an alias). */
  | { op: 'remove'; field: string }
  /**
   * The record's `category` becomes this one (key, label, code or alias). Only the field changes, never the
   * file's path: paths are what git history, batches and attachments refer to, and the folder a record sits
   * in says nothing the tool reads (the category is the field).
   */
  | { op: 'move'; category: string };

/** Fields whose values other commands give and guard: archive numbers are stable once given (DA/T 13-2022 §4.3). */
const GUARDED = new Map<string, Bilingual>([
  [
    'archive_no',
    {
      en: 'archive numbers are given by `number` and changed only by `renumber`, never by a bulk edit',
      zh: '档号由 `number` 编制、只能由 `renumber` 更改，不能批量修改',
    },
  ],
]);

export interface OperationProblem {
  message: Bilingual;
}

/** The operations as they will be applied (a move as a set of `category` to the category's key), or what is wrong with them. */
export function checkOperations(
  ops: readonly BulkOperation[],
  schema: Schema,
): { ok: true; ops: BulkOperation[] } | { ok: false; problems: OperationProblem[] } {
  const problems: OperationProblem[] = [];
  const out: BulkOperation[] = [];
  const touched = new Map<string, string>();
  const touch = (field: string, what: string) => {
    const guarded = GUARDED.get(field);
    if (guarded) problems.push({ message: guarded });
    const before = touched.get(field);
    if (before !== undefined)
      problems.push({ message: { en: `${what} and ${before} both change field ${field}`, zh: `${what} 与 ${before} 都修改字段 ${field}` } });
    else touched.set(field, what);
  };
  if (!ops.length)
    problems.push({ message: { en: 'nothing to do: give FIELD=VALUE, --rename or --remove', zh: '没有要做的修改：请给出 字段=值、--rename 或 --remove' } });
  for (const given of ops) {
    // Setting the category (or an alias of it, 分类=合同) is a move, checked as one.
    const o: BulkOperation = given.op === 'set' && fieldOf(given.field, schema) === 'category' ? { op: 'move', category: given.value } : given;
    if (o.op === 'move') {
      const key = categoryOf(schema, o.category);
      if (key === undefined) {
        const all = [...schema.categories.values()].map((c) => `${c.key} (${c.label.zh})`).join(', ');
        problems.push({ message: { en: `no category ${o.category}; one of: ${all}`, zh: `没有分类 ${o.category}；可选：${all}` } });
        continue;
      }
      touch('category', `category=${o.category}`);
      out.push({ op: 'set', field: 'category', value: key });
    } else if (o.op === 'set') {
      if (!validName(o.field)) problems.push({ message: { en: `"${o.field}" is not a field name`, zh: `“${o.field}”不是字段名` } });
      touch(fieldOf(o.field, schema), `${o.field}=${o.value}`);
      out.push(o);
    } else if (o.op === 'remove') {
      if (!validName(o.field)) problems.push({ message: { en: `--remove "${o.field}": not a field name`, zh: `--remove “${o.field}”：不是字段名` } });
      touch(fieldOf(o.field, schema), `--remove ${o.field}`);
      out.push(o);
    } else {
      if (!validName(o.to) || !validName(o.from))
        problems.push({ message: { en: `--rename ${o.from}=${o.to}: not field names`, zh: `--rename ${o.from}=${o.to}：不是字段名` } });
      const from = fieldOf(o.from, schema);
      const to = fieldOf(o.to, schema);
      // An alias renamed to its field's own name (客户 → customer) changes no value: the field may be set too.
      if (from !== to) {
        touch(from, `--rename ${o.from}=${o.to}`);
        touch(to, `--rename ${o.from}=${o.to}`);
      } else if (o.from === o.to) {
        problems.push({ message: { en: `--rename ${o.from}=${o.to} renames nothing`, zh: `--rename ${o.from}=${o.to} 没有改名` } });
      }
      out.push(o);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, ops: out };
}

/** A key a person means: not empty, no line break or control character, not only spaces. */
function validName(name: string): boolean {
  return name.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(name) && name.length <= 200;
}
