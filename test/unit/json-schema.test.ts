import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';

// schemas/records-schema.json is what the YAML extension (redhat.vscode-yaml) checks .records/schema.yaml against.
const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_FILE = path.join(ROOT, 'schemas/records-schema.json');
const DEFAULT_SCHEMA = path.join(ROOT, 'src/core/schema/default-schema.yaml');
const SAMPLE_SCHEMA = path.join(ROOT, 'examples/sample-records/.records/schema.yaml');

const jsonSchema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
// Strict mode catches mistakes in the schema itself; the editor-only keyword is declared so it is allowed.
// strictRequired is off because `then: { required: [values] }` names a property defined by the enclosing schema.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
ajv.addKeyword('defaultSnippets');
const validate = ajv.compile(jsonSchema);

/** The path each error points at, with the offending key appended where the error is about a key. */
function errorPaths(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const p = e.params as { additionalProperty?: string; propertyName?: string; missingProperty?: string };
    const key = p.additionalProperty ?? p.propertyName ?? p.missingProperty;
    return key === undefined || e.instancePath.endsWith(`/${key}`) ? e.instancePath : `${e.instancePath}/${key}`;
  });
}

function check(doc: unknown): { ok: boolean; paths: string[]; text: string } {
  const ok = validate(doc) as boolean;
  const errors = validate.errors;
  return { ok, paths: errorPaths(errors), text: ajv.errorsText(errors) };
}

function readYaml(file: string): unknown {
  return parse(fs.readFileSync(file, 'utf8'));
}

/** The default schema with one change applied to a copy. */
function defaultWith(change: (s: Record<string, any>) => void): unknown {
  const s = readYaml(DEFAULT_SCHEMA) as Record<string, any>;
  change(s);
  return s;
}

function assertFailsAt(doc: unknown, expectedPath: string): void {
  const r = check(doc);
  assert.equal(r.ok, false, `expected the schema to reject the document at ${expectedPath}`);
  assert.ok(r.paths.includes(expectedPath), `no error at ${expectedPath}; errors: ${r.text} (paths ${r.paths.join(', ')})`);
}

test('the JSON schema is draft-07 and compiles in strict mode', () => {
  assert.equal(jsonSchema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(typeof jsonSchema.title, 'string');
  assert.equal(typeof validate, 'function');
});

test('the built-in default schema validates', () => {
  const r = check(readYaml(DEFAULT_SCHEMA));
  assert.ok(r.ok, r.text);
});

test('the sample workspace schema validates', () => {
  const r = check(readYaml(SAMPLE_SCHEMA));
  assert.ok(r.ok, r.text);
});

test('the keys the default does not show are allowed', () => {
  const doc = defaultWith((s) => {
    s.rules = { 'missing-field': 'warning', 'pi-mobile': 'off', 'archive-no-gap': 'hint' };
    s.categories.basic.unknown_fields = 'warning';
    s.categories.basic.description = { zh: '客户基本信息', en: 'Basic customer information' };
    s.categories.other.description = 'Anything else';
    s.fields.customer.placeholder = '张三';
    s.fields.pages.placeholder = 1;
    s.fields.customer.required = true;
    s.fields.title.label = 'Title';
    s.archive_number.org = 'BGS';
    s.archive_number.separator = '-';
    s.labels = { language: 'both' };
    s.disposal = { folder: 'disposal', consent_step: true, feedback_step: false };
    s.retention_rules = [
      { category: 'basic', match: { contains_pi: true }, code: 'D3', from: 'date', basis: { zh: '个人信息', en: 'PI' } },
      { code: 'Y', after_event: 'contract_completed', fiscal_year: true, basis: 'Permanent by decision' },
    ];
  });
  const r = check(doc);
  assert.ok(r.ok, r.text);
});

test('a rules: key that is no finding code (a typo) is flagged', () => {
  const r = check(
    defaultWith((s) => {
      s.rules = { 'missing-feild': 'warning' };
    }),
  );
  assert.equal(r.ok, false);
});

test('a minimal schema (every section optional) validates', () => {
  assert.ok(check({ version: 1 }).ok);
  assert.ok(check({}).ok);
});

test('a typo in a top-level key (categorys) is flagged at that key', () => {
  assertFailsAt(
    defaultWith((s) => {
      s.categorys = s.categories;
      delete s.categories;
    }),
    '/categorys',
  );
});

test('an unknown field type (dat) is flagged at the field type', () => {
  assertFailsAt(
    defaultWith((s) => {
      s.fields.date.type = 'dat';
    }),
    '/fields/date/type',
  );
});

test('a malformed retention code (D-5) is flagged at the code', () => {
  assertFailsAt(
    defaultWith((s) => {
      s.categories.contract.retention.code = 'D-5';
    }),
    '/categories/contract/retention/code',
  );
});

test('an unknown rule severity (fatal) is flagged at the rule', () => {
  assertFailsAt(
    defaultWith((s) => {
      s.rules = { 'missing-field': 'fatal' };
    }),
    '/rules/missing-field',
  );
});

test('typos inside closed sections are flagged at the key', () => {
  assertFailsAt(
    defaultWith((s) => {
      s.categories.basic.lable = s.categories.basic.label;
    }),
    '/categories/basic/lable',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.fields.id.patern = '^x$';
    }),
    '/fields/id/patern',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.categories.basic.retention.fiscalyear = true;
    }),
    '/categories/basic/retention/fiscalyear',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.archive_number.number_widht = 4;
    }),
    '/archive_number/number_widht',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.records.inclde = ['**/*.md'];
    }),
    '/records/inclde',
  );
});

test('other constraints are enforced', () => {
  assertFailsAt(
    defaultWith((s) => {
      s.rules = { Bad_Code: 'error' };
    }),
    '/rules/Bad_Code',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.fields.attachments.items = 'paths';
    }),
    '/fields/attachments/items',
  );
  assertFailsAt(
    defaultWith((s) => {
      delete s.fields.status.values;
    }),
    '/fields/status/values',
  );
  assertFailsAt(
    defaultWith((s) => {
      delete s.categories.basic.retention.code;
    }),
    '/categories/basic/retention/code',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.categories.basic.unknown_fields = 'loud';
    }),
    '/categories/basic/unknown_fields',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.labels = { language: 'fr' };
    }),
    '/labels/language',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.retention_rules = [{ category: 'basic', code: 'D3x' }];
    }),
    '/retention_rules/0/code',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.archive_number.format = '{fonds}-{year}';
    }),
    '/archive_number/format',
  );
  assertFailsAt(
    defaultWith((s) => {
      s.version = 2;
    }),
    '/version',
  );
});

test('every property in the JSON schema has a description in English then Chinese', () => {
  const missing: string[] = [];
  const hasDescription = (s: Record<string, any>): boolean => {
    if (typeof s.description === 'string') return true;
    if (typeof s.$ref !== 'string') return false;
    const target = (jsonSchema.definitions as Record<string, any>)[s.$ref.replace('#/definitions/', '')];
    return target !== undefined && hasDescription(target);
  };
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
    if (!node || typeof node !== 'object') return;
    const s = node as Record<string, any>;
    if (typeof s.description === 'string' && !/^[\x20-\x7e\u00b7\u2013]+ \(.*[\u4e00-\u9fff].*\)$/su.test(s.description)) {
      missing.push(`${where}: description is not "English (中文)"`);
    }
    for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, any>)) {
      if (!hasDescription(prop)) missing.push(`${where}/properties/${name}`);
    }
    for (const [key, value] of Object.entries(s))
      if (key !== 'defaultSnippets' && key !== 'if' && key !== 'examples' && key !== 'default' && key !== 'enum') walk(value, `${where}/${key}`);
  };
  walk(jsonSchema, '#');
  assert.deepEqual(missing, []);
});

test('package.json associates the JSON schema with .records/schema.yaml', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const entry = (pkg.contributes.yamlValidation as { fileMatch: string; url: string }[]).find((v) => v.url === './schemas/records-schema.json');
  assert.ok(entry, 'no yamlValidation entry for ./schemas/records-schema.json');
  assert.equal(entry.fileMatch, '.records/schema.yaml');
  assert.ok(fs.existsSync(path.join(ROOT, entry.url)));
});
