import type { ListUsersOptions, UserFilter } from '../../../adapters/inputs';
import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import type { ListUsersQuery } from './dtos';

/**
 * list-users: better-auth's query (searchValue/searchField/searchOperator, filterField/filterValue/
 * filterOperator, sortBy/sortDirection, limit/offset) turned into the adapter's `listUsers` options. Field
 * names from the client are checked against the user class, never passed on as column names.
 */

/** The page of users a list-users query asks for, with `total` counting every match. */
export async function listUsers(auth: AuthContext, query: ListUsersQuery): Promise<{ users: object[]; total: number }> {
  const options: ListUsersOptions = { limit: query.limit, offset: query.offset, sortDirection: query.sortDirection };
  if (query.sortBy !== undefined) options.sortBy = userField(auth, query.sortBy);
  if (query.searchValue) options.search = { field: query.searchField ?? 'email', operator: query.searchOperator ?? 'contains', value: query.searchValue };
  if (query.filterValue !== undefined) {
    const field = userField(auth, query.filterField ?? 'email');
    const operator = query.filterOperator ?? 'eq';
    options.filter = { field, operator, value: filterValue(auth, field, operator, query.filterValue) };
  }
  return auth.db.listUsers(options);
}

/** A field of the user class by standard or custom name; anything else is a 400 (never a column name from a client). */
function userField(auth: AuthContext, name: string): string {
  const field = auth.models.user.field(name);
  if (!field) throw new AuthError('VALIDATION_ERROR', `The user has no field "${name}"`, [{ field: name, messages: ['is not a user field'] }]);
  return field.field;
}

const TEXT_OPERATORS = new Set(['contains', 'starts_with', 'ends_with']);

/**
 * Query values are strings: a filter on a boolean, number or date field compares with a value of that type.
 * Text operators work on text fields only (a LIKE on a timestamp column fails on PostgreSQL).
 */
function filterValue(auth: AuthContext, field: string, operator: string, raw: string | number | boolean): UserFilter['value'] {
  const model = auth.models.user.field(field);
  const type = model?.type ?? 'string'; // the resolved field model: an int column compares as a number
  const bad = (expected: string) => new AuthError('VALIDATION_ERROR', `filterValue does not fit ${field}`, [{ field: 'filterValue', messages: [`must be ${expected}`] }]);
  if (TEXT_OPERATORS.has(operator)) {
    if (type !== 'string') throw bad(`compared with ${operator} only on text fields`);
    return String(raw);
  }
  if (type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw bad('true or false');
  }
  if (type === 'number') {
    const number = Number(raw);
    if (raw === '' || !Number.isFinite(number)) throw bad('a number');
    return number;
  }
  if (type === 'date') {
    const date = new Date(typeof raw === 'boolean' ? Number.NaN : raw);
    if (Number.isNaN(date.getTime())) throw bad('a date');
    return date;
  }
  if (type === 'json') throw bad('on a field that is not JSON');
  return String(raw);
}
