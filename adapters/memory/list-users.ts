import type { EntityModel } from '../../entities/model/entity-model';
import type { ListFilter, ListUsersOptions, TextMatchOperator } from '../inputs';

/** The page size when the caller gives none, as the contract documents. */
export const DEFAULT_USER_PAGE_SIZE = 100;

/**
 * Filters, sorts and pages users for `listUsers`. It scans every user: listing is an admin screen, not the
 * request path, and a sorted index per sort key would cost every write to save an occasional read.
 * @example
 * selectUsers(model, tables.users.all(), { sortBy: 'email', limit: 20 }); // { rows, total }
 */
export function selectUsers<U extends object>(
  model: EntityModel<U, 'user'>,
  users: Iterable<U>,
  options: ListUsersOptions = {},
): { rows: U[]; total: number } {
  const { limit = DEFAULT_USER_PAGE_SIZE, offset = 0, sortBy = 'createdAt', sortDirection = 'asc' } = options;
  const tests: Array<(user: U) => boolean> = [];
  if (options.emailContains) tests.push(textTest(model, 'email', 'contains', options.emailContains));
  if (options.search) tests.push(textTest(model, options.search.field, options.search.operator ?? 'contains', options.search.value));
  if (options.filter) tests.push(filterTest(model, options.filter));
  const matching = [...users].filter((user) => tests.every((test) => test(user)));
  const direction = sortDirection === 'desc' ? -1 : 1;
  // Array#sort is stable, so rows that tie keep insertion order: pages do not shuffle between requests.
  matching.sort((a, b) => compareNullsLast(model.readUnchecked(a, sortBy), model.readUnchecked(b, sortBy), direction));
  const start = Math.max(0, offset);
  return { rows: matching.slice(start, start + Math.max(0, limit)), total: matching.length };
}

const TEXT_MATCHES: Record<TextMatchOperator, (value: string, needle: string) => boolean> = {
  contains: (value, needle) => value.includes(needle),
  starts_with: (value, needle) => value.startsWith(needle),
  ends_with: (value, needle) => value.endsWith(needle),
};

/** Case-insensitive, as the SQL adapter compares `LOWER(column)`. */
function textTest<U extends object>(model: EntityModel<U>, field: string, operator: TextMatchOperator, needle: string) {
  const lowered = needle.toLowerCase();
  return (user: U) => {
    const value = model.readUnchecked(user, field);
    return typeof value === 'string' && TEXT_MATCHES[operator](value.toLowerCase(), lowered);
  };
}

/**
 * Whether a row meets a list filter, as the SQL adapter's WHERE would decide it (NULL never compares true).
 * @example
 * members.filter(filterTest(model, { field: 'role', operator: 'in', value: ['owner', 'admin'] }));
 */
export function filterTest<U extends object>(model: EntityModel<U>, filter: ListFilter): (user: U) => boolean {
  const operator = filter.operator ?? 'eq';
  if (operator === 'contains' || operator === 'starts_with' || operator === 'ends_with') return textTest(model, filter.field, operator, String(filter.value));
  if (operator === 'in' || operator === 'not_in') {
    const values: readonly unknown[] = Array.isArray(filter.value) ? filter.value : [filter.value];
    if (values.length === 0) throw new TypeError(`A "${operator}" filter on ${filter.field} needs at least one value.`);
    const wanted = new Set(values.map(comparable));
    return (row) => {
      const value = model.readUnchecked(row, filter.field);
      if (value === null || value === undefined) return false;
      return wanted.has(comparable(value)) === (operator === 'in');
    };
  }
  // Emails are stored lower-cased, so an equality on one compares lower-cased (as the SQL lookups do).
  const wanted = filter.field === 'email' && typeof filter.value === 'string' ? filter.value.toLowerCase() : filter.value;
  return (user) => {
    const value = model.readUnchecked(user, filter.field);
    if (operator === 'eq') return comparable(value) === comparable(wanted);
    // SQL: a comparison with NULL is never true, not even `<>`.
    if (value === null || value === undefined) return false;
    if (operator === 'ne') return comparable(value) !== comparable(wanted);
    const order = compareNullsLast(value, wanted, 1);
    return operator === 'lt' ? order < 0 : operator === 'lte' ? order <= 0 : operator === 'gt' ? order > 0 : order >= 0;
  };
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

/**
 * Nulls sort last in either direction (databases disagree here; the conformance suite does not test it).
 * @example
 * rows.sort((a, b) => compareNullsLast(a.role, b.role, -1)); // descending
 */
export function compareNullsLast(a: unknown, b: unknown, direction: number): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const left = a instanceof Date ? a.getTime() : (a as string | number);
  const right = b instanceof Date ? b.getTime() : (b as string | number);
  return left < right ? -direction : left > right ? direction : 0;
}
