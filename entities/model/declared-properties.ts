import { classChain, getMetadataStorage } from '../metadata-storage';

/**
 * The properties a class visibly declares. TypeScript erases bare declarations (`email!: string`), so a
 * property counts when something left a trace of it at run time: one of our decorators, a TypeORM column
 * decorator, or an initialiser (`plan = 'free'`) seen on a fresh instance.
 */
export function declaredProperties(target: Function): Set<string> {
  const chain = new Set(classChain(target));
  const properties = new Set<string>();
  const storage = getMetadataStorage();
  for (const record of storage.fields) if (chain.has(record.target)) properties.add(record.property);
  for (const record of storage.defaults) if (chain.has(record.target)) properties.add(record.property);
  for (const property of typeOrmColumnProperties(chain)) properties.add(property);
  for (const property of initialisedProperties(target)) properties.add(property);
  return properties;
}

/**
 * TypeORM keeps its decorator records on `globalThis.typeormMetadataArgsStorage`; reading them there,
 * instead of importing typeorm, keeps typeorm an optional dependency of the entity toolkit.
 */
function typeOrmColumnProperties(chain: Set<Function>): string[] {
  const storage = (globalThis as { typeormMetadataArgsStorage?: TypeOrmColumnStorage }).typeormMetadataArgsStorage;
  if (!storage?.columns) return [];
  return storage.columns
    .filter((column) => typeof column.target === 'function' && chain.has(column.target))
    .map((column) => column.propertyName);
}

interface TypeOrmColumnStorage {
  columns?: Array<{ target: Function | string; propertyName: string }>;
}

function initialisedProperties(target: Function): string[] {
  try {
    return Object.keys(new (target as new () => object)());
  } catch {
    return []; // a constructor that needs arguments is reported by the builder, not here
  }
}

/** The `design:type` TypeScript emitted for a decorated property, when reflect-metadata is loaded. */
export function designType(target: Function, property: string): Function | undefined {
  const reflect = Reflect as unknown as { getMetadata?: (key: string, target: object, property: string) => unknown };
  if (typeof reflect.getMetadata !== 'function') return undefined;
  const type = reflect.getMetadata('design:type', target.prototype, property);
  return typeof type === 'function' ? type : undefined;
}
