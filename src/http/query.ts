// Keys that could reach an object's prototype once the query is turned into a DTO: dropped, as in bodies.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The query string as a plain object for DTO validation; a repeated key keeps its first value. */
export function readQuery(query: URLSearchParams): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of query) {
    if (!FORBIDDEN_KEYS.has(key) && !Object.prototype.hasOwnProperty.call(values, key)) values[key] = value;
  }
  return values;
}
