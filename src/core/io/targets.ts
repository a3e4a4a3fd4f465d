/**
 * The check every editor change goes through before it is applied: each file it edits, creates or deletes
 * must be inside the folder and reached without a link, and only indexed records (and their attachments)
 * may be deleted. The extension applies WorkspaceEdits through VS Code's own file system, so this is where
 * the one write path's rules reach them.
 */
import { REFUSAL_TEXT, resolveInside, type RefusalReason } from './paths';

export interface EditTarget {
  /** Workspace-relative, `/`-separated. */
  path: string;
  op: 'edit' | 'create' | 'delete';
}

export interface TargetRefusal {
  path: string;
  reason: RefusalReason | 'not-deletable';
}

export const NOT_DELETABLE_TEXT = { en: 'is not an indexed record or attachment, and is never deleted', zh: '不是已索引的记录或附件，不会删除' };

export function targetRefusalText(r: TargetRefusal, lang: 'en' | 'zh'): string {
  return `${r.path} ${r.reason === 'not-deletable' ? NOT_DELETABLE_TEXT[lang] : REFUSAL_TEXT[r.reason][lang]}`;
}

/** Every target that may not be touched, with why; empty when the change may go ahead. */
export function refusedTargets(root: string, targets: readonly EditTarget[], mayDelete: (path: string) => boolean): TargetRefusal[] {
  const out: TargetRefusal[] = [];
  for (const t of targets) {
    const r = resolveInside(root, t.path);
    if (!r.ok) out.push({ path: t.path, reason: r.problem });
    else if (t.op === 'create' && r.value.stat) out.push({ path: t.path, reason: 'exists' });
    else if (t.op !== 'create' && (!r.value.stat || !r.value.stat.isFile())) out.push({ path: t.path, reason: r.value.stat ? 'not-a-file' : 'changed' });
    else if (t.op === 'delete' && !mayDelete(t.path)) out.push({ path: t.path, reason: 'not-deletable' });
  }
  return out;
}
