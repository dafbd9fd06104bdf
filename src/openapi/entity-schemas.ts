import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { EntityModel } from '../../entities/model/entity-model';
import type { FieldModel } from '../../entities/model/field-model';
import type { JsonSchema } from './json-schema';

/**
 * The JSON Schema of an entity as the API sends it (`userJson`, `sessionJson`): every field of the app's
 * own class under its standard name, custom fields included, each always present (possibly `null`), typed by
 * the resolved field model and carrying the class's own class-validator rules (`@IsIn` → `enum`).
 * Built from the entity model, so `AppUser.plan` shows up in the reference without anyone writing it down.
 * @example
 * entitySchema(models.user).properties.plan; // { type: 'string', enum: ['free', 'pro'] }
 */
export function entitySchema(model: EntityModel, omit: ReadonlySet<string> = new Set()): JsonSchema {
  const rules = classRules(model.target);
  const properties: Record<string, JsonSchema> = {};
  for (const field of model.fields) if (!omit.has(field.field)) properties[field.field] = fieldSchema(field, rules[field.property]);
  return { type: 'object', properties, required: Object.keys(properties) };
}

/**
 * The custom fields a request body may set on the entity (sign-up, update-user, organization create and
 * update), all optional, with their types, column limits and the class's rules.
 * @example
 * customInputSchema(models.user); // { type: 'object', properties: { nickname: { type: ['string', 'null'], maxLength: 40 } } }
 */
export function customInputSchema(model: EntityModel): JsonSchema {
  const rules = classRules(model.target);
  const properties: Record<string, JsonSchema> = {};
  for (const field of model.customFields) if (field.input) properties[field.property] = fieldSchema(field, rules[field.property]);
  return { type: 'object', properties };
}

/** The keywords of a class-validator-jsonschema property schema that describe a rule rather than a type. */
const RULE_KEYWORDS = ['enum', 'const', 'maxLength', 'minLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'];

/** Per property, what the class's class-validator decorators say, as JSON Schema keywords. */
function classRules(target: Function): Record<string, JsonSchema> {
  const schema = targetConstructorToSchema(target) as { properties?: Record<string, JsonSchema> };
  const rules: Record<string, JsonSchema> = {};
  for (const [property, described] of Object.entries(schema.properties ?? {})) {
    rules[property] = Object.fromEntries(RULE_KEYWORDS.filter((keyword) => described[keyword] !== undefined).map((keyword) => [keyword, described[keyword]]));
  }
  return rules;
}

function fieldSchema(field: FieldModel, rules: JsonSchema = {}): JsonSchema {
  const schema = { ...typeSchema(field), ...rules };
  // toValues answers `null` for a field the class leaves empty, so optional standard fields may be null too.
  return field.nullable ? nullable(schema) : schema;
}

function typeSchema(field: FieldModel): JsonSchema {
  const { integer, min, max, maxLength, enum: allowed, uuid } = field.limits;
  switch (field.type) {
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'json':
      return {}; // any JSON value
    case 'number':
      return { type: integer ? 'integer' : 'number', ...(min !== undefined ? { minimum: min } : {}), ...(max !== undefined ? { maximum: max } : {}) };
    case 'string':
      return { type: 'string', ...(maxLength !== undefined ? { maxLength } : {}), ...(allowed ? { enum: allowed } : {}), ...(uuid ? { format: 'uuid' } : {}) };
    case 'boolean':
      return { type: 'boolean' };
  }
}

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type !== 'string') return schema;
  const enumeration = Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {};
  return { ...schema, type: [schema.type, 'null'], ...enumeration };
}
