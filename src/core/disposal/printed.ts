/**
 * The printed form of any document of the disposal folder, as of a day: a batch's register (destruction,
 * 会计档案管理办法 Arts. 18–19; transfer, Art. 24), an appraisal opinion (Arts. 16–17), a custody plan
 * (Art. 20) as the archives stand that day. One choice, for the command line's `print` and the editor's
 * Print Disposal Document.
 */
import { opinionPaper, readOpinion } from './appraisal';
import { readBatch } from './batch';
import { custodyModel, custodyPaper, readCustodyPlan } from './custody';
import { schemaOf, type BatchContext } from './items';
import type { Paper } from './paper';
import { registerPaper } from './register';
import type { DocLang } from '../text/bilingual';

export function documentPaper(text: string, ctx: BatchContext, asOf: string, lang: DocLang): { paper: Paper; count: number } | undefined {
  const batch = readBatch(text);
  if (batch) {
    const paper = registerPaper(text, ctx, asOf, lang);
    return paper && { paper, count: batch.items.length };
  }
  const opinion = readOpinion(text);
  if (opinion) return { paper: opinionPaper(opinion, ctx, lang), count: opinion.records.length };
  const plan = readCustodyPlan(text);
  if (!plan) return undefined;
  // What has been destroyed or handed over since the plan was written is gone from it.
  const m = custodyModel([...(ctx.allRecords?.() ?? [])], schemaOf(ctx), asOf);
  return { paper: custodyPaper(plan.data, m, lang), count: m.groups.reduce((n, g) => n + g.records.length, 0) };
}
