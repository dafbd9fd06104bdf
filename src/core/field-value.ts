import type { FieldModel } from '../../entities/model/field-model';

/** Longest string a request may store in a custom field unless its column or `@AuthField` says otherwise: a portable varchar(255). */
export const DEFAULT_MAX_STRING_LENGTH = 255;
/** Longest JSON text (of an object or array value) a request may store in a custom field by default. */
export const DEFAULT_MAX_JSON_LENGTH = 16_384;

/** A value as the field will store it (dates as `Date`), or why the field refuses it. */
export type CheckedValue = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Checks one value against the field's resolved type and its column's limits, so that nothing reaches the
 * database that the column would refuse (PostgreSQL answers an error, SQLite stores text in an INTEGER column):
 * the wrong type, `null` where the column is NOT NULL, an `int` out of range or with a fraction, a string longer
 * than its `varchar(n)` or holding NUL (PostgreSQL text refuses it), a date that is no instant or outside the
 * years every dialect stores (MySQL DATETIME: 1000–9999).
 * @example
 * checkFieldValue(models.user.field('age')!, 1.5); // { ok: false, message: 'must be an integer' }
 */
export function checkFieldValue(field: FieldModel, value: unknown): CheckedValue {
  if (value === null) return field.nullable ? { ok: true, value } : { ok: false, message: 'must not be null' };
  switch (field.type) {
    case 'string':
      return checkString(field, value);
    case 'number':
      return checkNumber(field, value);
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'must be a boolean' };
    case 'date':
      return checkDate(value);
    case 'json':
      return checkJson(field, value);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkString(field: FieldModel, value: unknown): CheckedValue {
  if (typeof value !== 'string') return { ok: false, message: 'must be a string' };
  const { maxLength = DEFAULT_MAX_STRING_LENGTH, uuid, enum: allowed } = field.limits;
  if (value.length > maxLength) return { ok: false, message: `must be at most ${maxLength} characters` };
  if (value.includes('\u0000')) return { ok: false, message: 'must not contain NUL characters' };
  if (uuid && !UUID.test(value)) return { ok: false, message: 'must be a UUID' };
  if (allowed && !allowed.includes(value)) return { ok: false, message: `must be one of: ${allowed.join(', ')}` };
  return { ok: true, value };
}

function checkNumber(field: FieldModel, value: unknown): CheckedValue {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: 'must be a number' };
  const { integer, min, max } = field.limits;
  if (integer && !Number.isInteger(value)) return { ok: false, message: 'must be an integer' };
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return { ok: false, message: `must be between ${min ?? '-∞'} and ${max ?? '∞'}` };
  }
  return { ok: true, value };
}

function checkDate(value: unknown): CheckedValue {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : value instanceof Date ? new Date(value.getTime()) : null;
  if (!date || Number.isNaN(date.getTime())) return { ok: false, message: 'must be a date' };
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return { ok: false, message: 'must be a date between the years 1000 and 9999' };
  return { ok: true, value: date };
}

function checkJson(field: FieldModel, value: unknown): CheckedValue {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined; // a cycle or a BigInt: not JSON
  }
  if (text === undefined) return { ok: false, message: 'must be a JSON value' };
  // PostgreSQL's jsonb cannot hold a NUL character either.
  if (text.includes('\\u0000')) return { ok: false, message: 'must not contain NUL characters' };
  const max = field.limits.maxLength ?? DEFAULT_MAX_JSON_LENGTH;
  return text.length <= max ? { ok: true, value } : { ok: false, message: `must be at most ${max} characters as JSON` };
}
