import { getMetadataStorage } from '../metadata-storage';

/**
 * The value a create uses for this property when the caller gives none. Pass a function for values that
 * must be fresh each time (objects, dates, ids). SQL backends also keep the column's own default.
 * @example
 * @AuthDefault('free') plan!: string
 * @AuthDefault(() => ({})) preferences!: Record<string, unknown>
 */
export function AuthDefault<T>(valueOrFactory: T | (() => T)): PropertyDecorator {
  const factory =
    typeof valueOrFactory === 'function' ? (valueOrFactory as () => T) : () => cloneDefault(valueOrFactory);
  return (prototype, property) => {
    if (typeof property !== 'string') return;
    getMetadataStorage().defaults.push(Object.freeze({ target: prototype.constructor, property, factory }));
  };
}

/** A literal object default must not be shared by every record created from it. */
function cloneDefault<T>(value: T): T {
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}
