import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOGUE } from '../../src/core/rules/catalogue';
import { allRules } from '../../src/core/rules';
import { workspaceRules } from '../../src/core/rules/workspace';
import { REPO } from './helpers';

const codes = [...CATALOGUE.keys()];

test("the settings and the schema file list exactly the catalogue's codes (regenerate them from it when a code is added)", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['recordsCurator.rules'].propertyNames.enum;
  assert.deepEqual(setting, codes, `package.json recordsCurator.rules propertyNames.enum should be ${JSON.stringify(codes)}`);
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/records-schema.json'), 'utf8'));
  assert.deepEqual(
    schema.properties.rules.propertyNames.enum,
    codes,
    `schemas/records-schema.json rules.propertyNames.enum should be ${JSON.stringify(codes)}`,
  );
});

test('every record rule and workspace rule is in the catalogue with its own declaration', () => {
  for (const r of allRules) assert.deepEqual([CATALOGUE.get(r.code)?.kind, CATALOGUE.get(r.code)?.severity], ['record', r.severity], r.code);
  for (const r of workspaceRules) assert.equal(CATALOGUE.get(r.code), r);
  for (const [code, d] of CATALOGUE) {
    assert.match(code, /^[a-z][a-z0-9-]*$/);
    assert.ok(d.title.en && d.title.zh, `${code} has a title in both languages`);
  }
});
