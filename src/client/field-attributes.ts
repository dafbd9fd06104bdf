/**
 * How the official client learns a field's type: better-auth's client plugins describe fields as
 * `{ type, required, input, defaultValue }` attributes and its types turn those back into TypeScript. These
 * types write the app's own entity properties in that vocabulary, so the client's own inference does the rest.
 *
 * Only the types exist: nothing here runs, and nothing of better-auth is imported (the attributes match its
 * shape structurally, so the package's declarations need no better-auth installed).
 */

/**
 * The attribute `type` that reads back as `V` in better-auth's client: a union of string literals is written
 * as the array of its members (better-auth's enum form), which keeps `'free' | 'pro'` exact. JSON values can
 * only come back as `Record<string, any>`: the client's vocabulary has no richer shape.
 */
export type AttributeTypeOf<V> = [V] extends [Date]
  ? 'date'
  : [V] extends [boolean]
    ? 'boolean'
    : [V] extends [string]
      ? string extends V
        ? 'string'
        : V[]
      : [V] extends [number]
        ? 'number'
        : [V] extends [readonly string[]]
          ? 'string[]'
          : [V] extends [readonly number[]]
            ? 'number[]'
            : 'json';

/**
 * One property as an attribute. A property that may be `null` (or left out) is `required: false`, so the client
 * types it `T | null | undefined`. Every other one is required in answers; as request input every custom field
 * is optional (the server fills in defaults and leaves absent keys alone), which a `defaultValue` tells the
 * client. Its value is never read: it only has to be a primitive type.
 */
export type FieldAttribute<V, Input extends boolean> = {
  type: AttributeTypeOf<NonNullable<V>>;
  required: null extends V ? false : undefined extends V ? false : true;
  input: Input;
  defaultValue: string;
};

/** `true` when property `K` of `T` is declared `readonly` (assignable both ways only if the modifiers agree). */
type IsReadonly<T, K extends keyof T> =
  (<G>() => G extends { [P in K]: T[K] } ? 1 : 2) extends <G>() => G extends { -readonly [P in K]: T[K] } ? 1 : 2 ? false : true;

/**
 * The attributes of every property of `Entity` not in `Known` (the fields better-auth's client types already)
 * nor in `Omitted`. `readonly` properties and the names in `OutputOnly` are answers only: no request may send them.
 */
export type FieldAttributesOf<Entity, Known extends PropertyKey, OutputOnly extends PropertyKey, Omitted extends PropertyKey> = {
  [K in Exclude<keyof Entity, Known | Omitted> & string as Entity[K] extends (...args: never[]) => unknown ? never : K]: FieldAttribute<
    Entity[K],
    K extends OutputOnly ? false : IsReadonly<Entity, K> extends true ? false : true
  >;
};
