import type { EntityModel } from '../../entities/model/entity-model';
import type { FieldModel } from '../../entities/model/field-model';
import type { JsonSchema } from './json-schema';

/**
 * The JSON Schema of an entity as the API sends it (`userJson`, `sessionJson`): every field of the app's
 * own class under its standard name, custom fields included, each always present (possibly `null`).
 * Built from the entity model, so `AppUser.plan` shows up in the reference without anyone writing it down.
 */
export function entitySchema(model: EntityModel, omit: ReadonlySet<string> = new Set()): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of model.fields) if (!omit.has(field.field)) properties[field.field] = fieldSchema(field);
  return { type: 'object', properties, required: Object.keys(properties) };
}

function fieldSchema(field: FieldModel): JsonSchema {
  if (field.standard) {
    const base = baseSchema(field.standard.type);
    // toValues answers `null` for a field the class leaves empty, so optional standard fields may be null too.
    return field.standard.nullable || !field.standard.required ? nullable(base) : base;
  }
  switch (field.designType) {
    case String:
      return nullable(baseSchema('string'));
    case Number:
      return nullable(baseSchema('number'));
    case Boolean:
      return nullable(baseSchema('boolean'));
    case Date:
      return nullable(baseSchema('date'));
    default:
      return {}; // a custom field of a type TypeScript did not record: any JSON value
  }
}

function baseSchema(type: string): JsonSchema {
  switch (type) {
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'json':
      return {};
    default:
      return { type };
  }
}

function nullable(schema: JsonSchema): JsonSchema {
  return typeof schema.type === 'string' ? { ...schema, type: [schema.type, 'null'] } : schema;
}
