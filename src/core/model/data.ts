/**
 * A field's value when the record has it as its own: `data.__proto__` or `data.constructor` of a record that
 * lacks such a field would otherwise be Object's own machinery (a `{}` in a CSV cell, a function's text).
 * Field names come from files, schemas and filters people type, so every lookup by such a name uses this.
 */
export function ownValue(data: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  return data !== undefined && Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
}
