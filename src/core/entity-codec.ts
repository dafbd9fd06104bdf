import type { EntityModel } from '../../entities/model/entity-model';

/**
 * An entity back in the app's own class from the JSON of its `toValues()` (as a secondary storage keeps it),
 * with dates (standard `date` fields and custom fields typed `Date`) revived.
 */
export function decodeEntity<T extends object>(model: EntityModel<T>, values: Record<string, unknown>): T {
  const revived: Record<string, unknown> = { ...values };
  for (const field of model.fields) {
    const value = revived[field.field];
    const isDate = field.standard ? field.standard.type === 'date' : field.designType === Date;
    if (isDate && typeof value === 'string') revived[field.field] = new Date(value);
  }
  return model.create(revived);
}
