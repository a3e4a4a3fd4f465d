/**
 * Records a bulk edit must leave alone, and why: a record listed in an approved batch (the batch fingerprints
 * its whole file, so an edit anywhere in that file undoes the approval), a record of an executed batch (a
 * transferred record's copy is kept as the sealed register lists it), and the disposal folder's documents,
 * which are sealed registers and opinions, not records.
 */
import { readBatch } from '../disposal/batch';
import { batchFiles } from '../disposal/files';
import type { Bilingual, Schema } from '../model/schema';

export interface Lock {
  /** The batch (or folder) that holds the record. */
  by: string;
  reason: Bilingual;
}

export interface Locks {
  /** Why a record (file and document number) may not be edited; undefined when it may. */
  of(path: string, index: number): Lock | undefined;
}

export function folderLocks(root: string, schema: Schema): Locks {
  const folder = schema.disposal.folder;
  const files = new Map<string, Lock>();
  const records = new Map<string, Lock>();
  for (const [batchPath, text] of batchFiles(root, folder)) {
    const batch = readBatch(text);
    if (!batch) continue;
    const id = typeof batch.data.batch_id === 'string' ? batch.data.batch_id : batchPath;
    for (const item of batch.items) {
      const index = typeof item.index === 'number' ? item.index : 0;
      if (batch.status === 'approved') {
        files.set(item.path, {
          by: batchPath,
          reason: {
            en: `its file is listed in approved batch ${id}, which fingerprinted it: an edit would undo the approval; pull the record out of the batch first`,
            zh: `其文件已列入已批准的批次 ${id} 并取了指纹，修改会使批准失效；请先将记录从批次中抽出`,
          },
        });
      } else if (batch.status === 'executed') {
        records.set(`${item.path}#${index}`, {
          by: batchPath,
          reason: {
            en: `it is listed in executed batch ${id}: the sealed register says what it was, and it is not changed any more`,
            zh: `已列入已执行的批次 ${id}：封存的清册记载其原状，不再修改`,
          },
        });
      }
    }
  }
  const documents: Lock = {
    by: folder,
    reason: { en: `a document of the disposal folder (${folder}/), not a record`, zh: `处置文件夹（${folder}/）中的文件，不是记录` },
  };
  const config: Lock = { by: '.records', reason: { en: 'a configuration file of .records/, not a record', zh: '.records/ 中的配置文件，不是记录' } };
  return {
    of(path, index) {
      if (path.startsWith(`${folder}/`)) return documents;
      if (path.startsWith('.records/')) return config;
      return records.get(`${path}#${index}`) ?? files.get(path);
    },
  };
}
