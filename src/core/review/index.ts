/** Reviewing changes to the records: field diffs, file history, record changes, review marks, PR summaries. */
export * from './changes';
export * from './field-diff';
export * from './history';
export * from './marks';
export * from './summary';
export { maskText, escapeMarkdown } from './markdown';
export { resolveCommit } from './git-tree';
