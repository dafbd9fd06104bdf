import { KIND_DECORATOR_NAMES, type EntityKind } from '../entity-kind';
import { EntityDefinitionError } from '../entity-definition-error';
import { FIELD_CONTRACTS, type FieldType, type StandardFieldSpec } from '../field-contracts';
import { classChain, getMetadataStorage } from '../metadata-storage';
import { declaredProperties, designType } from './declared-properties';
import { assertConstructible, declaredOptions, initialValues, recordedDefaults } from './recorded-options';
import { customShape, standardShape } from './field-shape';
import { typeOrmColumns } from './typeorm-columns';
import { EntityModel, type EntityClass } from './entity-model';
import type { FieldModel } from './field-model';

const cache = new WeakMap<Function, EntityModel>();

/**
 * Validates a class against its kind's field contract and returns its model, built once per class.
 * Throws an `EntityDefinitionError` naming the class, the field and the fix when the class cannot serve.
 * @example
 * const userModel = buildEntityModel('user', AppUser);
 * userModel.read(user, 'name'); // reads user.displayName when displayName is mapped to `name`
 */
export function buildEntityModel<T extends object, K extends EntityKind = EntityKind>(kind: K, target: EntityClass<T>): EntityModel<T, K> {
  const cached = cache.get(target);
  if (cached) {
    if (cached.kind !== kind) throw wrongKind(target, cached.kind, kind);
    return cached as unknown as EntityModel<T, K>;
  }
  const model = new EntityModel<T, K>(kind, target, buildFields(kind, target));
  cache.set(target, model as unknown as EntityModel);
  return model;
}

function buildFields(kind: EntityKind, target: Function): FieldModel[] {
  assertConstructible(target);
  assertTaggedAs(kind, target);
  const contract = FIELD_CONTRACTS[kind];
  const remaps = remappedProperties(kind, target);
  const defaults = recordedDefaults(target);
  const declared = declaredProperties(target);
  const nonInput = nonInputProperties(target);
  const options = declaredOptions(target);
  const columns = typeOrmColumns(new Set(classChain(target)));
  const initial = initialValues(target);
  const claimed = new Set<string>();
  const fields: FieldModel[] = [];

  for (const spec of contract) {
    const property = remaps.get(spec.field) ?? spec.field;
    const isDeclared = declared.has(property);
    if (!isDeclared && !spec.required) continue;
    if (!isDeclared) throw missingField(kind, target, spec);
    assertPlausibleType(target, property, spec);
    claimed.add(property);
    fields.push({
      field: spec.field,
      property,
      standard: spec,
      defaultValue: defaults.get(property) ?? spec.defaultValue,
      input: !nonInput.has(property),
      ...standardShape(target, spec, property, columns.get(property)),
    });
  }
  for (const property of declared) {
    if (claimed.has(property) || isShadowedStandardName(contract, remaps, property)) continue;
    const input = !nonInput.has(property);
    fields.push({
      field: property,
      property,
      standard: null,
      defaultValue: defaults.get(property),
      input,
      ...customShape(target, property, { declared: options.get(property) ?? {}, column: columns.get(property), input, initial: initial[property] }),
    });
  }
  return fields;
}


function assertTaggedAs(kind: EntityKind, target: Function): void {
  // The nearest tag wins, so `@AuthUser() class AppUser extends User` is a user even though `User` is tagged too.
  const kinds = getMetadataStorage().kinds;
  let tag: EntityKind | undefined;
  for (const cls of classChain(target)) {
    tag = kinds.find((record) => record.target === cls)?.kind;
    if (tag) break;
  }
  if (!tag) {
    throw new EntityDefinitionError(target.name, null, `is not tagged as an auth entity; add ${KIND_DECORATOR_NAMES[kind]} above the class.`);
  }
  if (tag !== kind) throw wrongKind(target, tag, kind);
}

function wrongKind(target: Function, actual: EntityKind, expected: EntityKind): EntityDefinitionError {
  return new EntityDefinitionError(
    target.name,
    null,
    `is tagged ${KIND_DECORATOR_NAMES[actual]} but was given as the ${expected} entity; pass a class tagged ${KIND_DECORATOR_NAMES[expected]}.`,
  );
}

/** standard field → property, from explicit `@AuthField('field')` records; the subclass's record wins over a base's. */
function remappedProperties(kind: EntityKind, target: Function): Map<string, string> {
  const standardNames = new Set(FIELD_CONTRACTS[kind].map((spec) => spec.field));
  const remaps = new Map<string, string>();
  const ownerOf = new Map<string, Function>();
  for (const cls of classChain(target)) {
    for (const record of getMetadataStorage().fields) {
      if (record.target !== cls || record.field === null) continue;
      if (!standardNames.has(record.field)) {
        throw new EntityDefinitionError(
          target.name,
          record.property,
          `@AuthField('${record.field}') names no standard ${kind} field; use one of: ${[...standardNames].join(', ')}.`,
        );
      }
      const existing = remaps.get(record.field);
      if (existing === undefined) {
        remaps.set(record.field, record.property);
        ownerOf.set(record.field, cls);
      } else if (existing !== record.property && ownerOf.get(record.field) === cls) {
        throw new EntityDefinitionError(
          target.name,
          record.property,
          `both '${existing}' and '${record.property}' are mapped to the standard field '${record.field}'; keep one @AuthField('${record.field}').`,
        );
      }
    }
  }
  return remaps;
}



/** Properties marked `@AuthField({ input: false })` anywhere in the class chain. */
function nonInputProperties(target: Function): Set<string> {
  const chain = new Set(classChain(target));
  const properties = new Set<string>();
  for (const record of getMetadataStorage().fields) {
    if (chain.has(record.target) && !record.input) properties.add(record.property);
  }
  return properties;
}


function missingField(kind: EntityKind, target: Function, spec: StandardFieldSpec): EntityDefinitionError {
  return new EntityDefinitionError(
    target.name,
    spec.field,
    `the ${kind} contract requires the field '${spec.field}' (${spec.type}${spec.nullable ? ' | null' : ''}). ` +
      `Extend the base class for this kind, or declare it with @AuthField() (or @AuthField('${spec.field}') on the property that holds it).`,
  );
}

const EXPECTED_DESIGN_TYPES: Record<FieldType, Function[]> = {
  string: [String],
  boolean: [Boolean],
  date: [Date],
  number: [Number],
  json: [Object],
};

/** Catches `emailVerified!: string` at startup; unions and `any` emit `Object` and are let through. */
function assertPlausibleType(target: Function, property: string, spec: StandardFieldSpec): void {
  const type = designType(target, property);
  if (!type || type === Object) return;
  const allowed = EXPECTED_DESIGN_TYPES[spec.type];
  const idLike = spec.field === 'id' || spec.field.endsWith('Id');
  if (allowed.includes(type) || (idLike && type === Number)) return;
  throw new EntityDefinitionError(
    target.name,
    property,
    `is declared as ${type.name}, but the standard field '${spec.field}' holds a ${spec.type}; change the property's type.`,
  );
}

/** A property named like a standard field that was remapped elsewhere is not a custom field. */
function isShadowedStandardName(contract: readonly StandardFieldSpec[], remaps: Map<string, string>, property: string): boolean {
  return remaps.has(property) && contract.some((spec) => spec.field === property);
}
