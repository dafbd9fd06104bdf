import type { EntityModel } from '../../entities/model/entity-model';
import type { ListUsersOptions } from '../inputs';

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
  const needle = options.emailContains?.toLowerCase();
  const matching = needle
    ? [...users].filter((user) => {
        const email = model.read(user, 'email');
        return typeof email === 'string' && email.includes(needle); // stored lower-cased
      })
    : [...users];
  const direction = sortDirection === 'desc' ? -1 : 1;
  // Array#sort is stable, so rows that tie keep insertion order: pages do not shuffle between requests.
  matching.sort((a, b) => compareNullsLast(model.read(a, sortBy), model.read(b, sortBy), direction));
  const start = Math.max(0, offset);
  return { rows: matching.slice(start, start + Math.max(0, limit)), total: matching.length };
}

/** Nulls sort last in either direction (databases disagree here; the conformance suite does not test it). */
function compareNullsLast(a: unknown, b: unknown, direction: number): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const left = a instanceof Date ? a.getTime() : (a as string | number);
  const right = b instanceof Date ? b.getTime() : (b as string | number);
  return left < right ? -direction : left > right ? direction : 0;
}
