/**
 * The checks that make a batch or an opinion a document of record: an approved batch still has what approval
 * required (Art. 18 signatures, a signed appraisal opinion unchanged since, the impact assessment, the
 * notices — requirements.ts); an executed one, and the opinion it relied on, have not changed since it was
 * executed (seal.ts), and are kept as long as the law asks (会计档案管理办法 Annex items 13, 15, 16).
 */
import { scalarText } from '../model/records';
import type { Bilingual } from '../model/schema';
import { years } from '../retention/retention';
import { opinionHash, readOpinion } from './appraisal';
import { readBatch, type BatchFile } from './batch';
import type { BatchContext } from './items';
import { appraisalOf, batchSensitiveKinds, noticeProblems } from './requirements';
import { sealState } from './seal';
import { readCustodyPlan } from './custody';
import { parseRecordText } from '../parse/record-file';
import { holdsAccounting, missingSignatures } from './signatures';
import { schemaOf } from './items';

export interface DocumentFinding extends Bilingual {
  code: 'batch-signatures' | 'batch-appraisal' | 'batch-notice' | 'batch-missing-detail' | 'disposal-changed' | 'disposal-retention';
  /** The front-matter field the finding is about (its line), when there is one. */
  field: string;
}

const join = (xs: readonly Bilingual[], lang: 'zh' | 'en') => xs.map((x) => x[lang]).join(lang === 'zh' ? '；' : '; ');

/** How long each kind of disposal document is kept: the registers and opinions permanently, a transfer register 30 years. */
export function retentionFinding(kind: string, value: unknown): DocumentFinding | undefined {
  const want = kind === 'transfer-batch' ? 30 : 'permanent';
  const code = scalarText(value).trim();
  const n = years(code);
  const ok = want === 'permanent' ? n === 'permanent' : n === 'permanent' || (typeof n === 'number' && n >= want);
  if (ok) return undefined;
  const zh = want === 'permanent' ? '永久（Y）' : '30年（D30）';
  const en = want === 'permanent' ? 'permanently (Y)' : 'for 30 years (D30)';
  const item = { 'destruction-batch': 15, 'appraisal-opinion': 16, 'transfer-batch': 13, 'custody-plan': 14 }[kind] ?? 15;
  return {
    code: 'disposal-retention',
    field: 'retention',
    zh: `本文件须${zh}保管（会计档案管理办法附件第${item}项），retention 为 ${code || '空'}`,
    en: `this document is kept ${en} (Accounting Archives Measures, Annex item ${item}); its retention is ${code || 'empty'}`,
  };
}

/** Findings of an approved or executed batch beyond its entries. */
export function requirementFindings(text: string, b: BatchFile, ctx: BatchContext): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const d = b.data;
  const r = retentionFinding(b.kind, d.retention);
  if (r) out.push(r);
  if (b.status === 'approved') {
    if (b.kind === 'destruction-batch') {
      const sig = missingSignatures(d, holdsAccounting(b.items, schemaOf(ctx)));
      if (sig.length)
        out.push({
          code: 'batch-signatures',
          field: 'unit_head',
          zh: `会计档案管理办法第十八条要求的签署人或监销人不全：${join(sig, 'zh')}`,
          en: `the signatories or supervisors Art. 18 asks for are missing: ${join(sig, 'en')}`,
        });
      const a = appraisalOf(b, ctx);
      const recorded = scalarText(d.appraisal_sha256);
      if (a.problems.length) out.push({ code: 'batch-appraisal', field: 'appraisal_ref', zh: join(a.problems, 'zh'), en: join(a.problems, 'en') });
      else if (!recorded)
        out.push({
          code: 'batch-appraisal',
          field: 'appraisal_ref',
          zh: '批准时未记录鉴定意见书的指纹（appraisal_sha256）：请重新批准',
          en: 'approval recorded no fingerprint of the appraisal opinion (appraisal_sha256): approve the batch again',
        });
      else if (recorded !== a.hash)
        out.push({
          code: 'batch-appraisal',
          field: 'appraisal_ref',
          zh: `鉴定意见书 ${scalarText(d.appraisal_ref)} 在批准后被修改：请复核后重新批准`,
          en: `appraisal opinion ${scalarText(d.appraisal_ref)} changed after the batch was approved: review it and approve again`,
        });
      const sensitive = batchSensitiveKinds(b, ctx);
      if (sensitive.length && !scalarText(d.impact_assessment_ref).trim())
        out.push({
          code: 'batch-missing-detail',
          field: 'impact_assessment_ref',
          zh: `所列记录含敏感个人信息（${sensitive.join('、')}），须记录个人信息保护影响评估（个人信息保护法第五十五条）`,
          en: `the records hold sensitive personal information (${sensitive.join(', ')}): record the impact assessment (PIPL Art. 55)`,
        });
    } else {
      if (!scalarText(d.impact_assessment_ref).trim())
        out.push({
          code: 'batch-missing-detail',
          field: 'impact_assessment_ref',
          zh: '移交前须进行个人信息保护影响评估并记录其编号（个人信息保护法第五十五条）',
          en: 'a transfer needs the reference of its impact assessment (PIPL Art. 55)',
        });
      const n = noticeProblems(text, b, ctx);
      if (n.length) out.push({ code: 'batch-notice', field: 'records', zh: join(n, 'zh'), en: join(n, 'en') });
    }
  }
  if (b.status === 'executed') out.push(...executedFindings(text, b, ctx));
  return out;
}

function executedFindings(text: string, b: BatchFile, ctx: BatchContext): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const seal = sealState(text);
  if (seal === 'changed')
    out.push({
      code: 'disposal-changed',
      field: 'sealed',
      zh: '已执行的批次在执行后被修改（封存指纹不符）；已执行的清册不得更改，请从 git 历史恢复',
      en: 'the executed batch was changed after execution (its seal does not match); an executed register must not change: restore it from git history',
    });
  else if (seal === 'unsealed')
    out.push({
      code: 'disposal-changed',
      field: 'status',
      zh: '批次标为已执行但没有封存指纹：不是由本工具执行的，其所列记录从未经过核对',
      en: 'the batch says executed but carries no seal: it was not executed by this tool, and its records were never checked',
    });
  const ref = scalarText(b.data.appraisal_ref).trim();
  const recorded = scalarText(b.data.appraisal_sha256);
  if (b.kind === 'destruction-batch' && ref && recorded) {
    const found = (ctx.documents?.() ?? []).find((x) => readOpinion(x.text)?.id === ref);
    if (!found)
      out.push({
        code: 'disposal-changed',
        field: 'appraisal_ref',
        zh: `本批次依据的鉴定意见书 ${ref} 在执行后被删除；鉴定意见书须永久保管，请从 git 历史恢复`,
        en: `appraisal opinion ${ref}, on which this batch was executed, was deleted; it is kept permanently: restore it from git history`,
      });
  }
  return out;
}

/**
 * Findings of an appraisal opinion file: kept permanently, and unchanged since a batch that relied on it was
 * executed (the batch recorded its hash at approval).
 */
export function opinionFindings(text: string, ctx: BatchContext): DocumentFinding[] {
  const o = readOpinion(text);
  if (!o) return [];
  const out: DocumentFinding[] = [];
  const r = retentionFinding('appraisal-opinion', o.data.retention);
  if (r) out.push(r);
  const hash = opinionHash(text);
  for (const doc of ctx.documents?.() ?? []) {
    const b = readBatch(doc.text);
    if (!b || b.status !== 'executed' || scalarText(b.data.appraisal_ref).trim() !== o.id) continue;
    const recorded = scalarText(b.data.appraisal_sha256);
    if (recorded && recorded !== hash)
      out.push({
        code: 'disposal-changed',
        field: 'status',
        zh: `鉴定意见书在批次 ${scalarText(b.data.batch_id)} 执行后被修改；须永久保管原样，请从 git 历史恢复`,
        en: `the opinion changed after batch ${scalarText(b.data.batch_id)} was executed on it; it is kept as it was: restore it from git history`,
      });
  }
  return out;
}

/**
 * Findings of a certificate kept in the disposal folder: sealed when written, it must not change; and the
 * register it certifies must still be there (a deleted executed register is otherwise unseen).
 */
export function certificateFindings(text: string, ctx: BatchContext): DocumentFinding[] {
  const data = parseRecordText(text, 'markdown').records[0]?.data;
  if (!data || data.kind !== 'destruction-certificate') return [];
  const out: DocumentFinding[] = [];
  const r = retentionFinding('destruction-batch', data.retention);
  if (r) out.push(r);
  if (sealState(text) !== 'intact')
    out.push({
      code: 'disposal-changed',
      field: 'sealed',
      zh: '销毁证明在出具后被修改（封存指纹不符或缺失）；请重新出具或从 git 历史恢复',
      en: 'the certificate was changed after it was made (its seal does not match or is missing): make it again or restore it from git history',
    });
  const id = scalarText(data.batch);
  if (!(ctx.documents?.() ?? []).some((d) => scalarText(readBatch(d.text)?.data.batch_id) === id))
    out.push({
      code: 'disposal-changed',
      field: 'batch',
      zh: `本证明所证明的销毁清册 ${id} 已被删除；已执行的清册须永久保管，请从 git 历史恢复`,
      en: `the register this certificate is for, ${id}, was deleted; an executed register is kept permanently: restore it from git history`,
    });
  return out;
}

/** Findings of a custody plan (the 会计档案保管清册 of a dissolved unit): kept permanently (Annex item 14). */
export function custodyFindings(text: string): DocumentFinding[] {
  const plan = readCustodyPlan(text);
  const r = plan && retentionFinding('custody-plan', plan.data.retention);
  return r ? [r] : [];
}
