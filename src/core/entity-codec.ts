import type { EntityModel } from '../../entities/model/entity-model';

/**
 * Entities as text for a secondary storage, and back into the app's own class: JSON of the standard and custom
 * fields, with dates (standard `date` fields and custom fields typed `Date`) revived.
 */
export function encodeEntity(model: EntityModel<object>, entity: object): Record<string, unknown> {
  return model.toValues(entity);
}

export function decodeEntity<T extends object>(model: EntityModel<T>, values: Record<string, unknown>): T {
  const revived: Record<string, unknown> = { ...values };
  for (const field of model.fields) {
    const value = revived[field.field];
    const isDate = field.standard ? field.standard.type === 'date' : field.designType === Date;
    if (isDate && typeof value === 'string') revived[field.field] = new Date(value);
  }
  return model.create(revived);
}
