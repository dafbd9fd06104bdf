import { getMetadataStorage, validate } from 'class-validator';
import type { EntityModel } from '../../entities/model/entity-model';

/** A field a request set that the class's own rules refuse, with the constraint named in each message. */
export interface RuleViolation {
  field: string;
  messages: string[];
}

const ruledClasses = new WeakMap<Function, boolean>();

/** Whether the class (or an ancestor) carries any class-validator decorator; asked once per class. */
function hasRules(target: Function): boolean {
  let known = ruledClasses.get(target);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false).length > 0;
    ruledClasses.set(target, known);
  }
  return known;
}

/**
 * The class-validator rules the app wrote on its entity class (`@IsIn(['free', 'pro'])`, `@MaxLength(20)`,
 * `@Matches(…)`), applied to the values a request sets, keyed by field name. Only the properties being written
 * are judged: a partial update is not refused for a field it leaves alone, and `null` is left to the field's
 * nullability (checked before). Asynchronous rules (`@Validate(ConstraintClass)` whose `validate` returns a
 * promise, custom async decorators) are awaited: `validateSync` would skip them without a word.
 * @example
 * await entityRuleViolations(models.user, { plan: 'gold' }); // [{ field: 'plan', messages: ['plan must be one of … (isIn)'] }]
 */
export async function entityRuleViolations(model: EntityModel, values: Record<string, unknown>): Promise<RuleViolation[]> {
  if (!hasRules(model.target)) return [];
  // An instance of the app's class holding only what is being written: class-validator finds the rules by its constructor.
  const candidate = Object.create(model.target.prototype) as Record<string, unknown>;
  const written = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    const field = model.field(name);
    if (!field || value === undefined || value === null) continue;
    candidate[field.property] = value;
    written.set(field.property, field.field);
  }
  if (written.size === 0) return [];
  const errors = await validate(candidate, { skipMissingProperties: true, forbidUnknownValues: false, validationError: { target: false, value: false } });
  return errors
    .filter((error) => written.has(error.property))
    .map((error) => ({
      field: written.get(error.property)!,
      messages: Object.entries(error.constraints ?? {}).map(([constraint, message]) => `${message} (${constraint})`),
    }));
}
