export { nextId, newRecordFields, newRecordText, newRecordPath, slug } from './new-record';
export type { NewRecord, NewRecordInput } from './new-record';
export { keysLike } from './key-style';
