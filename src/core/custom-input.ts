import type { EntityModel } from '../../entities/model/entity-model';
import { AuthError } from '../errors/auth-error';
import { entityRuleViolations } from './entity-rules';
import { checkFieldValue } from './field-value';

export { DEFAULT_MAX_JSON_LENGTH, DEFAULT_MAX_STRING_LENGTH } from './field-value';

/** How a write's custom values are judged. */
export interface CustomInputOptions {
  /**
   * Server code (`auth.api`) may set fields no request may (`@AuthField({ input: false })`, a billing plan).
   * Their values are still checked against the field's type, column and rules.
   */
  server?: boolean;
  /**
   * Standard fields the same write sets from the body (`name`, `image`, an organization's `slug`): their types
   * are the route DTO's business, but the class's own rules on them (`@MaxLength(20) displayName`) apply too.
   */
  standardValues?: Record<string, unknown>;
}

/**
 * The custom fields a request body may set on an entity: declared on the class, not marked
 * `@AuthField({ input: false })`, of the field's resolved type, within its column's limits (field-value.ts) and
 * passing the class's own class-validator rules (entity-rules.ts). Unknown keys are ignored; a known key with a
 * value the field refuses is a 400 `VALIDATION_ERROR` naming every such field, thrown before anything is
 * written, so a typo in a client fails loudly instead of being stored.
 * @example
 * await customInput(auth.models.user, { plan: 'pro', nickname: 42 }); // throws VALIDATION_ERROR "nickname: must be a string"
 */
export async function customInput(model: EntityModel, body: Record<string, unknown>, options: CustomInputOptions = {}): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  const problems: Array<{ field: string; messages: string[] }> = [];
  for (const field of model.customFields) {
    if ((!field.input && !options.server) || !Object.prototype.hasOwnProperty.call(body, field.property)) continue;
    const raw = body[field.property];
    if (raw === undefined) continue;
    const checked = checkFieldValue(field, raw);
    if (checked.ok) values[field.property] = checked.value;
    else problems.push({ field: field.property, messages: [checked.message] });
  }
  if (problems.length === 0) problems.push(...(await entityRuleViolations(model, { ...definedOnly(options.standardValues), ...values })));
  if (problems.length > 0) {
    throw new AuthError('VALIDATION_ERROR', problems.map((p) => `${p.field}: ${p.messages[0]}`).join('; '), problems);
  }
  return values;
}

function definedOnly(values: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!values) return {};
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
