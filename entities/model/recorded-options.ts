import { EntityDefinitionError } from '../entity-definition-error';
import { classChain, getMetadataStorage } from '../metadata-storage';
import type { DeclaredOptions } from './field-shape';

// What the decorators recorded about a class, read the same way for the seven kinds and for plugin record
// classes: the most derived declaration wins, defaults are factories, initialisers count as hints.

/** Entity and record classes are made with `new Class()`, by the adapters and by TypeORM alike. */
export function assertConstructible(target: Function): void {
  if (typeof target !== 'function') {
    throw new EntityDefinitionError(String(target), null, 'is not a class; pass the entity class itself.');
  }
  if (target.length > 0) {
    throw new EntityDefinitionError(target.name, null, 'the constructor takes arguments; entity classes must be constructible with `new Class()`.');
  }
}

/** `@AuthField({ type, nullable, maxLength })` of each property; a subclass's declaration of each wins over its base class's. */
export function declaredOptions(target: Function): Map<string, DeclaredOptions> {
  const declared = new Map<string, { type?: DeclaredOptions['type']; nullable?: boolean; maxLength?: number }>();
  // classChain starts at the class itself: walking it backwards lets the most derived declaration win.
  for (const cls of classChain(target).reverse()) {
    for (const record of getMetadataStorage().fields) {
      if (record.target !== cls) continue;
      const options = declared.get(record.property) ?? {};
      if (record.type !== null) options.type = record.type;
      if (record.nullable !== null) options.nullable = record.nullable;
      if (record.maxLength !== null) options.maxLength = record.maxLength;
      declared.set(record.property, options);
    }
  }
  return declared;
}

/** The values property initialisers leave on a fresh instance (`plan = 'free'`): the last hint of a field's type. */
export function initialValues(target: Function): Record<string, unknown> {
  try {
    return { ...(new (target as new () => object)() as Record<string, unknown>) };
  } catch {
    return {}; // reported by assertConstructible
  }
}

/** `@AuthDefault` of each property, as factories; a subclass's default wins over its base class's. */
export function recordedDefaults(target: Function): Map<string, () => unknown> {
  const chain = classChain(target);
  const defaults = new Map<string, () => unknown>();
  for (const cls of chain) {
    for (const record of getMetadataStorage().defaults) {
      if (record.target === cls && !defaults.has(record.property)) defaults.set(record.property, record.factory);
    }
  }
  return defaults;
}
