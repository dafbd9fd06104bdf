import type { EntityModel } from '../../entities/model/entity-model';

/**
 * An entity back in the app's own class from the JSON of its `toValues()` (as a secondary storage keeps it),
 * with every field the model resolves to a `date` revived (standard or custom, `Date | null` included), so a
 * cached entity reads exactly as one loaded from the database.
 */
export function decodeEntity<T extends object>(model: EntityModel<T>, values: Record<string, unknown>): T {
  const revived: Record<string, unknown> = { ...values };
  for (const field of model.dateFields) {
    const value = revived[field.field];
    if (typeof value === 'string') revived[field.field] = new Date(value);
  }
  return model.create(revived);
}
