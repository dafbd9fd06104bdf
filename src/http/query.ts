import { assertWellFormedInput } from './input-text';

// Keys that could reach an object's prototype once the query is turned into a DTO: dropped, as in bodies.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The query string as a plain object for DTO validation; a repeated key keeps its first value. Text that is
 * not well-formed is refused with `VALIDATION_ERROR`, as in bodies.
 */
export function readQuery(query: URLSearchParams): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of query) {
    if (!FORBIDDEN_KEYS.has(key) && !Object.prototype.hasOwnProperty.call(values, key)) values[key] = value;
  }
  assertWellFormedInput(values);
  return values;
}
