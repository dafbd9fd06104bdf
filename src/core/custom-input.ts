import type { EntityModel } from '../../entities/model/entity-model';
import type { FieldModel } from '../../entities/model/field-model';
import { AuthError } from '../errors/auth-error';

/** Longest string a request may store in a custom field unless the field says otherwise: a portable varchar(255). */
export const DEFAULT_MAX_STRING_LENGTH = 255;
/** Longest JSON text (of an object or array value) a request may store in a custom field by default. */
export const DEFAULT_MAX_JSON_LENGTH = 16_384;

/**
 * The custom fields a request body may set on an entity: declared on the class, not marked
 * `@AuthField({ input: false })`, of the declared type and within the field's `maxLength` (defaults above:
 * sign-up needs no account, so without a bound anyone could store megabytes per request). Unknown keys are
 * ignored; a known key with the wrong type or size is a `VALIDATION_ERROR`, so a typo in a client fails
 * loudly instead of being stored.
 */
export function customInput(model: EntityModel, body: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const problems: Array<{ field: string; messages: string[] }> = [];
  for (const field of model.customFields) {
    if (!field.input || !Object.prototype.hasOwnProperty.call(body, field.property)) continue;
    const raw = body[field.property];
    const checked = checkLength(field, checkType(field, raw));
    if (checked.ok) values[field.property] = checked.value;
    else problems.push({ field: field.property, messages: [checked.message] });
  }
  if (problems.length > 0) {
    throw new AuthError('VALIDATION_ERROR', problems.map((p) => `${p.field}: ${p.messages[0]}`).join('; '), problems);
  }
  return values;
}

type Checked = { ok: true; value: unknown } | { ok: false; message: string };

function checkLength(field: FieldModel, checked: Checked): Checked {
  if (!checked.ok || checked.value === null) return checked;
  const { value } = checked;
  if (typeof value === 'string') {
    const max = field.maxLength ?? DEFAULT_MAX_STRING_LENGTH;
    return value.length <= max ? checked : { ok: false, message: `must be at most ${max} characters` };
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const max = field.maxLength ?? DEFAULT_MAX_JSON_LENGTH;
    return JSON.stringify(value).length <= max ? checked : { ok: false, message: `must be at most ${max} characters as JSON` };
  }
  return checked;
}

function checkType(field: FieldModel, value: unknown): Checked {
  if (value === null) return { ok: true, value: null };
  switch (field.designType) {
    case String:
      return typeof value === 'string' ? { ok: true, value } : { ok: false, message: 'must be a string' };
    case Number:
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'must be a number' };
    case Boolean:
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'must be a boolean' };
    case Date: {
      const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
      return date && !Number.isNaN(date.getTime()) ? { ok: true, value: date } : { ok: false, message: 'must be a date' };
    }
    default:
      return { ok: true, value };
  }
}
