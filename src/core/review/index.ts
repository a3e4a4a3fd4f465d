/** Reviewing changes to the records: field diffs, file history, record changes, review marks, PR summaries. */
export * from './changes';
export * from './field-diff';
export * from './history';
export * from './marks';
export * from './summary';
export { maskText } from './markdown';
export { escapeMarkdown } from '../text/escape';
export { resolveCommit } from './git-tree';
