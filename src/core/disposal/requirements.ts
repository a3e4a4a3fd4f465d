/**
 * What a batch needs before it may be approved, and keeps needing until it is executed — the same list for
 * approval, for the check of an approved batch, and for execution:
 * - a destruction: the signatures and supervisors of 会计档案管理办法 Art. 18 (signatures.ts), method, place
 *   and time, a signed appraisal opinion that covers it (Arts. 16–17, 19; appraisal.ts), and an impact
 *   assessment when the records hold sensitive personal information (PIPL Art. 55(1); deleting is processing,
 *   Art. 4);
 * - a transfer: recipient and contact, who approved it, an impact assessment (Art. 55(3): providing personal
 *   information to another handler), and a notice to every person whose information moves (Art. 22), a
 *   child's guardian in the child's stead (Art. 31).
 */
import { scalarText, type RecordEntry } from '../model/records';
import type { Bilingual } from '../model/schema';
import { parseRecordText } from '../parse/record-file';
import { escapeMarkdown } from '../text/escape';
import { recordKinds, sensitiveOf } from './pi-kinds';
import { findOpinion, opinionHash, opinionProblems } from './appraisal';
import type { BatchFile } from './batch';
import { schemaOf, type BatchContext } from './items';
import { noticeList } from './notice';
import { holdsAccounting, missingSignatures } from './signatures';

const blank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && !v.some((x) => !blank(x)));

const dayOf = (b: BatchFile) => scalarText(b.data.created).slice(0, 10) || new Date().toISOString().slice(0, 10);

/** The listed records as the index holds them now (those it no longer holds are left out). */
function listedRecords(b: BatchFile, ctx: BatchContext): { data: Readonly<Record<string, unknown>> | undefined }[] {
  return b.items.map((it) => ({ data: ctx.records(it.path)?.get(it.index ?? 0) })).filter((r) => r.data !== undefined);
}

/** The sensitive kinds the listed records hold (a child's information included), each once. */
export function batchSensitiveKinds(b: BatchFile, ctx: BatchContext): string[] {
  const schema = schemaOf(ctx);
  const all = [...(ctx.allRecords?.() ?? [])];
  const kinds = new Set<string>();
  for (const r of listedRecords(b, ctx)) {
    const customer = scalarText(r.data?.customer);
    const person = all.filter((x) => scalarText(x.data?.customer) === customer && scalarText(x.data?.customer_type) === 'person').map((x) => x.data);
    for (const k of sensitiveOf(recordKinds(r.data, schema, dayOf(b), [], person.length ? person : [r.data]))) kinds.add(k);
  }
  return [...kinds].sort();
}

/** Details still to fill in (each with its field name), before approval. */
export function missingForApproval(b: BatchFile, ctx: BatchContext): Bilingual[] {
  const d = b.data;
  const missing: Bilingual[] = [];
  const need = (k: string, zh: string) => blank(d[k]) && missing.push({ zh: `${k}（${zh}）`, en: k });
  if (b.kind === 'destruction-batch') {
    missing.push(...missingSignatures(d, holdsAccounting(b.items, schemaOf(ctx))));
    need('method', '销毁方式');
    need('place', '地点');
    need('scheduled_at', '时间');
    const sensitive = batchSensitiveKinds(b, ctx);
    if (sensitive.length && blank(d.impact_assessment_ref))
      missing.push({
        zh: `impact_assessment_ref（所列记录含敏感个人信息：${sensitive.join('、')}，须先进行个人信息保护影响评估，个人信息保护法第五十五条）`,
        en: `impact_assessment_ref (the records hold sensitive personal information: ${sensitive.join(', ')}; PIPL Art. 55 asks for an impact assessment first)`,
      });
  } else {
    need('recipient', '接收方');
    need('recipient_contact', '接收方联系方式');
    need('approvers', '批准人');
    if (blank(d.impact_assessment_ref))
      missing.push({
        zh: 'impact_assessment_ref（向其他个人信息处理者提供个人信息前须进行影响评估，个人信息保护法第五十五条）',
        en: 'impact_assessment_ref (an impact assessment before providing personal information to another handler, PIPL Art. 55)',
      });
  }
  return missing;
}

/** The appraisal a destruction batch relies on: why it does not (yet) allow approval, and its hash now. */
export function appraisalOf(b: BatchFile, ctx: BatchContext): { problems: Bilingual[]; hash?: string; path?: string } {
  const ref = scalarText(b.data.appraisal_ref).trim();
  const found = ref ? findOpinion(ctx, ref) : undefined;
  const problems = opinionProblems(b, found, ref, holdsAccounting(b.items, schemaOf(ctx)));
  return { problems, ...(found ? { hash: opinionHash(found.text), path: found.path } : {}) };
}

/** The Markdown tasks of a batch's body, as written. */
export function bodyTasks(text: string): string[] {
  const parsed = parseRecordText(text, 'markdown').records[0];
  const body = parsed?.bodySpan ? text.slice(parsed.bodySpan.start) : '';
  return [...body.matchAll(/^[ \t]*[-*] \[[ xX]\] (.*)$/gm)].map((m) => m[1]);
}

/**
 * Whom the transfer's notice list fails to reach: a person in a listed record whose name no task carries
 * (a contact added since the batch was made), a child whose guardian is not recorded, or a child addressed
 * in person instead of through the guardian.
 */
export function noticeProblems(text: string, b: BatchFile, ctx: BatchContext): Bilingual[] {
  const all: Iterable<Pick<RecordEntry, 'data'>> = ctx.allRecords?.() ?? [];
  const list = noticeList(listedRecords(b, ctx), all, schemaOf(ctx), dayOf(b));
  const tasks = bodyTasks(text);
  const named = (name: string) => tasks.some((x) => x.includes(escapeMarkdown(name)) || x.includes(name));
  const out: Bilingual[] = [];
  for (const e of list) {
    if (e.child && !e.guardian) {
      out.push({
        zh: `${e.person} 未满十四周岁，未登记其监护人：无法告知（个人信息保护法第三十一条）；请在其记录中填写 guardian`,
        en: `${e.person} is under 14 and no guardian is recorded: the notice cannot be given (PIPL Art. 31); fill in guardian in their record`,
      });
      continue;
    }
    const to = e.child ? e.guardian! : e.person;
    if (!named(to) || (e.child && !tasks.some((x) => x.includes(escapeMarkdown(to)) && x.includes(escapeMarkdown(e.person)))))
      out.push({
        zh: `告知名单未列出 ${to}${e.child ? `（${e.person} 的监护人）` : ''}（${e.records.join('、')}）：请重新创建批次`,
        en: `the notice list does not name ${to}${e.child ? ` (guardian of ${e.person})` : ''} (${e.records.join(', ')}): create the batch again`,
      });
  }
  return out;
}

export { opinionHash };
