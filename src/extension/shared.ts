/**
 * Modules of this bundle that the lazily loaded sealing UI (dist/seal-ui.js) takes from it at run time, as
 * `require('./extension.js').shared`, instead of carrying second copies of yaml, the record parser, the rules
 * and the safe write path. esbuild.js reads this list: each line below becomes, in that bundle, a module
 * that hands over this one. A module the sealing UI imports and this list lacks is bundled into it whole —
 * it still works, and its budget in test/package/check-vsix.js shows the growth.
 */
export * as yaml from 'yaml';
export * as applyFixes from '../core/fix/apply-fixes';
export * as audit from '../core/git/audit';
export * as indexFile from '../core/index/index-file';
export * as recordFile from '../core/parse/record-file';
export * as catalogue from '../core/rules/catalogue';
