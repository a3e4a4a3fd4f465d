import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import compiledDefault from 'compiled:default-schema';
import { schemaFromJson, schemaToJson } from '../../src/core/schema/compiled';
import { defaultSchema, defaultSchemaText, readSchema } from '../../src/core/schema/load';

describe('the built-in schema, compiled when the bundle is built', () => {
  test('is the schema its YAML reads as, Maps, patterns and all', () => {
    assert.ok(compiledDefault, 'the bundle carries it');
    const parsed = readSchema(defaultSchemaText);
    assert.deepEqual(parsed.problems, []);
    assert.deepStrictEqual(schemaFromJson(compiledDefault), parsed.schema);
    assert.deepStrictEqual(defaultSchema(), parsed.schema);
    assert.ok(defaultSchema().categories.get('contract'), 'the contract category is there');
  });

  test('keeps what JSON alone would lose', () => {
    const odd = { a: undefined, b: [undefined, 1], m: new Map([['x', /a+b/giu]]), n: Infinity, ['__proto__']: 1 } as never;
    const back = schemaFromJson(schemaToJson(odd)) as unknown as Record<string, unknown>;
    assert.ok('a' in back && back.a === undefined);
    assert.deepStrictEqual(back.b, [undefined, 1]);
    assert.deepStrictEqual(back.m, new Map([['x', /a+b/giu]]));
    assert.equal(back.n, Infinity);
    assert.equal(Object.getPrototypeOf(back), Object.prototype, 'a __proto__ key is a key');
  });
});
