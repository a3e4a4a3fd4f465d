import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSchema, defaultSchemaText, loadSchema } from '../../src/core/schema/load';
import { initSchema, readWorkspaceSchema } from '../../src/core/schema/workspace';
import { tempWorkspace } from './helpers';

describe('schema', () => {
  test('the built-in default has the six categories with codes and bilingual labels', () => {
    const s = defaultSchema();
    assert.deepEqual([...s.categories.keys()], ['basic', 'contract', 'transaction', 'service', 'communication', 'other']);
    assert.deepEqual(
      [...s.categories.values()].map((c) => c.code),
      ['JB', 'HT', 'JY', 'FW', 'GT', 'QT'],
    );
    assert.equal(s.categories.get('contract')?.label.zh, '合同信息');
    assert.equal(s.categories.get('transaction')?.retention?.code, 'D30');
    assert.deepEqual(s.categories.get('other')?.required, ['reason']);
    assert.equal(s.fields.get('signed_date')?.type, 'date');
    assert.deepEqual(s.fields.get('currency')?.values?.slice(0, 2), ['CNY', 'USD']);
    assert.equal(s.archiveNumber.numberWidth, 4);
  });

  test('the default reads with no problems', () => {
    assert.deepEqual(loadSchema(defaultSchemaText).problems, []);
  });

  test('a workspace without a schema file gets the default', () => {
    const root = tempWorkspace({ 'a.md': '---\nid: x\n---\n' });
    const s = readWorkspaceSchema(root);
    assert.equal(s.fromWorkspace, false);
    assert.equal(s.schema.categories.size, 6);
  });

  test('mistakes are problems at their place, and the rest of the schema still loads', () => {
    const text = [
      'version: 1',
      'categories:',
      '  basic:',
      '    label: { zh: 基本, en: Basic }',
      '    code: JB',
      '    required: [phone, nonexistent]',
      '    retention: { code: D-5, from: date }',
      'fields:',
      '  phone: { type: phone }',
      '  date: { type: dat }',
      '  pick: { type: enum }',
      'categorys: {}',
      'rules: { missing-field: fatal, pi-mobil: off }',
      '',
    ].join('\n');
    const { schema, problems } = loadSchema(text);
    const at = (needle: string) => problems.find((p) => text.slice(p.start, p.end).includes(needle) || p.message.includes(needle));
    assert.ok(at('nonexistent'), 'undeclared required field');
    assert.ok(at('D-5'), 'bad retention code');
    assert.ok(at('dat'), 'unknown type');
    assert.ok(at('categorys'), 'unknown top-level key');
    assert.ok(at('fatal'), 'bad severity');
    assert.ok(at("unknown rule code 'pi-mobil'"), 'misspelt rule code');
    assert.ok(at('needs values'), 'enum without values');
    assert.equal(schema.categories.size, 1);
    assert.equal(schema.fields.get('phone')?.type, 'phone');
    assert.equal(schema.fields.get('date')?.type, 'string', 'unknown types fall back to string');
  });

  test('broken YAML in the schema file is a problem, never an exception', () => {
    const { schema, problems } = loadSchema('categories: [unclosed\nfields:\n  - x\n');
    assert.ok(problems.length > 0);
    assert.equal(schema.categories.size, 6, 'falls back to the default categories');
  });

  test('an alias bomb in the schema file does not hang', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    bomb.push('categories: *j');
    const { problems } = loadSchema(bomb.join('\n'));
    assert.ok(problems.some((p) => /mapping/.test(p.message)));
  });

  test('init writes the default once and never overwrites', () => {
    const root = tempWorkspace({});
    const first = initSchema(root);
    assert.equal(first.written, true);
    assert.equal(fs.readFileSync(path.join(root, '.records/schema.yaml'), 'utf8'), defaultSchemaText);
    fs.writeFileSync(path.join(root, '.records/schema.yaml'), '# mine\n');
    const second = initSchema(root);
    assert.equal(second.written, false);
    assert.equal(fs.readFileSync(path.join(root, '.records/schema.yaml'), 'utf8'), '# mine\n');
  });
});
