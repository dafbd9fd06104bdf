import type { ListFilter, ListFilterOperator, ListMembersOptions } from '../../../adapters/inputs';
import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';

/** What list-members' query may carry beyond the organization (better-auth's names). */
export interface MemberListQuery {
  limit?: number;
  offset?: number;
  sortBy?: string;
  sortDirection?: 'asc' | 'desc';
  filterField?: string;
  filterOperator?: ListFilterOperator;
  filterValue?: unknown;
}

const TEXT_OPERATORS = new Set<ListFilterOperator>(['contains', 'starts_with', 'ends_with']);
const LIST_OPERATORS = new Set<ListFilterOperator>(['in', 'not_in']);
const MAX_LIST_VALUES = 100;

const invalid = (field: string, message: string) => new AuthError('VALIDATION_ERROR', `${field}: ${message}`, [{ field, messages: [message] }]);

/**
 * A member field a caller may sort or filter on: a field every member can read in the list (the member's own
 * standard and custom fields; the list shows them all), never JSON and never a column name taken from a
 * client. Anything else is a 400, so a probe for hidden columns learns nothing.
 */
function memberField(auth: AuthContext, name: string, parameter: string): { field: string; type: string } {
  const field = auth.models.member.field(name);
  if (!field || field.type === 'json') throw invalid(parameter, `the member has no sortable or filterable field "${name}"`);
  return { field: field.field, type: field.type };
}

/**
 * list-members' query as the adapter's options: the field names checked against the member class, the
 * filter value turned into the field's type (query values arrive as text), `in`/`not_in` lists from
 * repeated or comma-separated values.
 * @example
 * memberListOptions(auth, { sortBy: 'createdAt', sortDirection: 'desc', filterField: 'role', filterValue: 'admin' }, 100);
 */
export function memberListOptions(auth: AuthContext, query: MemberListQuery, defaultLimit: number): ListMembersOptions {
  const options: ListMembersOptions = { limit: query.limit ?? defaultLimit, offset: query.offset };
  if (query.sortBy) {
    options.sortBy = memberField(auth, query.sortBy, 'sortBy').field;
    options.sortDirection = query.sortDirection ?? 'asc';
  }
  if (query.filterField) {
    const { field, type } = memberField(auth, query.filterField, 'filterField');
    if (query.filterValue === undefined) throw invalid('filterValue', 'is required with filterField');
    const operator = query.filterOperator ?? 'eq';
    options.filter = { field, operator, value: filterValue(type, operator, query.filterValue) };
  }
  return options;
}

function filterValue(type: string, operator: ListFilterOperator, raw: unknown): ListFilter['value'] {
  if (LIST_OPERATORS.has(operator)) {
    const items = (Array.isArray(raw) ? raw : String(raw).split(',')).map((item) => String(item).trim()).filter(Boolean);
    if (items.length === 0 || items.length > MAX_LIST_VALUES) throw invalid('filterValue', `needs 1 to ${MAX_LIST_VALUES} values for ${operator}`);
    return items.map((item) => scalar(type, item) as string | number);
  }
  if (Array.isArray(raw)) throw invalid('filterValue', `takes one value for ${operator}`);
  if (TEXT_OPERATORS.has(operator)) {
    // A LIKE on a timestamp or number column fails on PostgreSQL: text operators are for text fields.
    if (type !== 'string') throw invalid('filterValue', `${operator} works on text fields only`);
    return String(raw);
  }
  return scalar(type, raw);
}

function scalar(type: string, raw: unknown): string | number | boolean | Date {
  if (type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw invalid('filterValue', 'must be true or false');
  }
  if (type === 'number') {
    const number = Number(raw);
    if (raw === '' || !Number.isFinite(number)) throw invalid('filterValue', 'must be a number');
    return number;
  }
  if (type === 'date') {
    const date = new Date(typeof raw === 'number' || typeof raw === 'string' ? raw : Number.NaN);
    if (Number.isNaN(date.getTime())) throw invalid('filterValue', 'must be a date');
    return date;
  }
  return String(raw);
}
