import { archiveNoGap } from './archive-no-gap';
import { duplicateArchiveNo, duplicateId } from './duplicates';
import type { WorkspaceRule } from './rule';

/** Every rule over the whole index, in the order their findings are listed on a record. */
export const workspaceRules: readonly WorkspaceRule[] = [archiveNoGap, duplicateId, duplicateArchiveNo];
