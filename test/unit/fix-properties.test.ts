/**
 * Property tests of the edits the tool writes: over records generated in many YAML styles, setting fields
 * and inserting missing ones must (1) read back, with the yaml package and with the tool's own reader, as
 * exactly the original data plus the fields set, in every document of a stream; (2) touch only the record
 * being edited, rewriting no more than the values being replaced; (3) write the edited record's own line
 * breaks. A refusal fails the test too: these are all styles the edits must handle.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isScalar, parseAllDocuments, parseDocument, type Document } from 'yaml';
import { applyEdits, planFieldEdits, planInsertFields, type EditPlan, type TextEdit } from '../../src/core/fix/fixes';
import { parseRecordText } from '../../src/core/parse/record-file';
import { defaultSchema } from '../../src/core/schema/load';
import { NEW_KEYS, markdownArb, renderMarkdown, renderStream, setValueArb, streamArb, type DocLayout } from './record-docs';

// FC_SEED / FC_RUNS explore further (e.g. FC_RUNS=5000); the default run is fixed and takes a few seconds.
const RUNS = { seed: Number(process.env.FC_SEED ?? 20260312), numRuns: Number(process.env.FC_RUNS ?? 300) };

/** The data of every non-empty document, read with the yaml package alone. */
function yamlDocs(text: string): Record<string, unknown>[] {
  return (parseAllDocuments(text) as Document.Parsed[])
    .filter((d) => !isEmpty(d))
    .map((d) => {
      assert.deepEqual(
        d.errors.map((e) => e.message),
        [],
        `the YAML reads cleanly:\n${text}`,
      );
      return d.toJS() as Record<string, unknown>;
    });
}

/** `---` followed by nothing or only comments: no record. */
function isEmpty(d: Document.Parsed): boolean {
  const c = d.contents;
  return c === null || (isScalar(c) && c.value === null && c.range[0] === c.range[1]);
}

function frontMatterData(fm: string): Record<string, unknown> {
  const doc = parseDocument(fm);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    `the front matter reads cleanly:\n${fm}`,
  );
  return (doc.toJS() as Record<string, unknown> | null) ?? {};
}

const pickArb = fc.record({ existing: fc.boolean(), n: fc.nat(), newKey: fc.constantFrom(...NEW_KEYS), value: setValueArb });
const picksArb = fc.array(pickArb, { minLength: 1, maxLength: 3 });

/** The fields to set: existing keys of the record or new ones; the same key twice means the last value. */
function resolve(picks: readonly { existing: boolean; n: number; newKey: string; value: string }[], data: Record<string, unknown>): Map<string, string> {
  const keys = Object.keys(data);
  const out = new Map<string, string>();
  for (const p of picks) out.set(p.existing && keys.length ? keys[p.n % keys.length] : p.newKey, p.value);
  return out;
}

function okEdits(plan: EditPlan, text: string): TextEdit[] {
  if (!plan.ok) assert.fail(`refused (record ${plan.record}): ${plan.reason}\n${JSON.stringify(text)}`);
  return plan.edits;
}

/**
 * (2) and (3): every edit lies in an edited record; one that removes text removes only (part of) a value being
 * set; line breaks are the record's.
 */
function checkPlacement(text: string, edits: readonly TextEdit[], layouts: readonly DocLayout[], edited: ReadonlyMap<number, ReadonlySet<string>>): void {
  for (const e of edits) {
    const i = layouts.findIndex((l, k) => edited.has(k) && l.start <= e.start && e.end <= l.end);
    assert.ok(i >= 0, `edit ${JSON.stringify(e)} lies outside the edited records of\n${JSON.stringify(text)}`);
    const layout = layouts[i];
    if (e.start < e.end) {
      const replaced = text.slice(e.start, e.end);
      const inValue = [...edited.get(i)!].some((k) => {
        const v = layout.values.get(k);
        return v !== undefined && v.start <= e.start && e.end <= v.end;
      });
      assert.ok(inValue, `edit ${JSON.stringify(e)} rewrites ${JSON.stringify(replaced)}, not a value being set, in\n${JSON.stringify(text)}`);
    }
    // A one-line document without a line break has none to follow.
    const own = /\r\n|\r|\n/.test(text.slice(layout.start, layout.end));
    for (const br of e.newText.match(/\r\n|\r|\n/g) ?? []) if (own) assert.equal(br, layout.eol, `line break of ${JSON.stringify(e)}`);
  }
  if (!edits.length) return;
  const after = applyEdits(text, edits);
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  assert.equal(after.slice(0, first), text.slice(0, first), 'bytes before the first edit');
  assert.equal(after.slice(after.length - (text.length - last)), text.slice(last), 'bytes after the last edit');
}

function withSet(data: Record<string, unknown>, set: ReadonlyMap<string, unknown> | undefined): Record<string, unknown> {
  return { ...data, ...Object.fromEntries(set ?? []) };
}

/** The front matter of an edited Markdown file: the opening fence and everything from the closing fence on are unchanged. */
function editedFrontMatter(after: string, open: string, closing: string): string {
  assert.ok(after.startsWith(open) && after.endsWith(closing), `fences and body unchanged:\n${JSON.stringify(after)}`);
  return after.slice(open.length, after.length - closing.length);
}

function assertLineEnds(fm: string, eol: string): void {
  const breaks = new Set(fm.match(/\r\n|\r|\n/g) ?? []);
  assert.ok(
    breaks.size === 0 || (breaks.size === 1 && breaks.has(eol)),
    `front matter line endings ${JSON.stringify([...breaks])} are all ${JSON.stringify(eol)}`,
  );
}

describe('setting fields, over generated records in many styles', () => {
  test('in Markdown front matter: the result reads as the data plus the fields, the body and the other lines untouched', () => {
    fc.assert(
      fc.property(markdownArb, picksArb, (spec, picks) => {
        const { text, front, closing } = renderMarkdown(spec);
        const open = text.slice(0, front.start);
        const before = frontMatterData(text.slice(front.start, front.end));
        const set = resolve(picks, before);
        const edits = okEdits(
          planFieldEdits(
            'r.md',
            text,
            [...set].map(([field, value]) => ({ record: 0, field, value })),
          ),
          text,
        );
        checkPlacement(text, edits, [front], new Map([[0, new Set(set.keys())]]));
        const after = applyEdits(text, edits);
        const fm = editedFrontMatter(after, open, closing);
        assert.deepEqual(frontMatterData(fm), withSet(before, set));
        assert.deepEqual(
          parseRecordText(after, 'markdown').records.map((r) => r.data),
          [withSet(before, set)],
        );
        assertLineEnds(fm, spec.front.eol);
      }),
      RUNS,
    );
  });

  test('in YAML streams: every document reads as before, the edited ones with their fields set', () => {
    fc.assert(
      fc.property(streamArb, fc.array(fc.option(picksArb), { minLength: 3, maxLength: 3 }), (spec, picksPerDoc) => {
        const { text, docs } = renderStream(spec);
        const before = yamlDocs(text);
        const records = parseRecordText(text, 'yaml').records;
        assert.equal(before.length, docs.length);
        assert.equal(records.length, docs.length);
        const sets = new Map<number, Map<string, string>>();
        picksPerDoc.slice(0, docs.length).forEach((p, i) => {
          if (p) sets.set(i, resolve(p, before[i]));
        });
        const values = [...sets].flatMap(([i, set]) => [...set].map(([field, value]) => ({ record: records[i].index, field, value })));
        const edits = okEdits(planFieldEdits('s.yaml', text, values), text);
        checkPlacement(text, edits, docs, new Map([...sets].map(([i, set]) => [i, new Set(set.keys())])));
        const after = applyEdits(text, edits);
        const expected = before.map((d, i) => withSet(d, sets.get(i)));
        assert.deepEqual(yamlDocs(after), expected);
        assert.deepEqual(
          parseRecordText(after, 'yaml').records.map((r) => r.data),
          expected,
        );
      }),
      RUNS,
    );
  });
});

describe('inserting missing fields (the quick fix), over generated records in many styles', () => {
  const schema = defaultSchema();
  const names = [...schema.fields.keys()];
  const placeholderData = (name: string): unknown => {
    const def = schema.fields.get(name);
    return def?.placeholder !== undefined ? String(def.placeholder) : def?.type === 'list' ? [] : '';
  };
  const namesArb = fc.subarray(names, { minLength: 1, maxLength: 4 });

  test('in Markdown front matter: the placeholders read back empty and nothing else changes', () => {
    fc.assert(
      fc.property(markdownArb, namesArb, (spec, wanted) => {
        const { text, front, closing } = renderMarkdown(spec);
        const before = frontMatterData(text.slice(front.start, front.end));
        const missing = wanted.filter((n) => !(n in before));
        const edits = okEdits(planInsertFields('r.md', text, 0, missing, schema), text);
        checkPlacement(text, edits, [front], new Map([[0, new Set<string>()]]));
        const fm = editedFrontMatter(applyEdits(text, edits), text.slice(0, front.start), closing);
        assert.deepEqual(frontMatterData(fm), withSet(before, new Map(missing.map((n) => [n, placeholderData(n)]))));
        assertLineEnds(fm, spec.front.eol);
      }),
      RUNS,
    );
  });

  test('in YAML streams: the fields go into the right document, in its style', () => {
    fc.assert(
      fc.property(streamArb, namesArb, fc.nat(), (spec, wanted, pick) => {
        const { text, docs } = renderStream(spec);
        const before = yamlDocs(text);
        const records = parseRecordText(text, 'yaml').records;
        const i = pick % docs.length;
        const missing = wanted.filter((n) => !(n in before[i]));
        const edits = okEdits(planInsertFields('s.yaml', text, records[i].index, missing, schema), text);
        checkPlacement(text, edits, docs, new Map([[i, new Set<string>()]]));
        const set = new Map(missing.map((n) => [n, placeholderData(n)]));
        assert.deepEqual(
          yamlDocs(applyEdits(text, edits)),
          before.map((d, k) => (k === i ? withSet(d, set) : d)),
        );
      }),
      RUNS,
    );
  });
});
