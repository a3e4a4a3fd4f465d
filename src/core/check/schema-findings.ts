import type { Finding } from '../model/findings';
import { LineIndex } from '../parse/lines';
import type { SchemaProblem } from '../schema/load';

/** Mistakes in `.records/schema.yaml` as findings on that file, placed by their offsets into its text. */
export function schemaFindings(text: string | undefined, problems: readonly SchemaProblem[]): Finding[] {
  if (text === undefined || problems.length === 0) return [];
  const lines = new LineIndex(text);
  return problems.map((p) => {
    const s = lines.positionAt(p.start);
    const e = lines.positionAt(Math.max(p.start, p.end));
    return { code: 'schema', severity: p.severity, message: p.message, start: { line: s.line, col: s.character }, end: { line: e.line, col: e.character } };
  });
}
