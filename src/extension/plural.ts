/**
 * English needs "1 record", "2 records"; Chinese says 1 条 and 2 条 alike. vscode.l10n has no plural forms,
 * so each message comes in both, already translated, and the count picks.
 */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
