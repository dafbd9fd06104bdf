import type { FieldType } from '../standard-field-table';
import { getMetadataStorage } from '../metadata-storage';

/** Options of `@AuthField`. */
export interface AuthFieldOptions {
  /** The standard field this property serves (`'name'` for a `displayName` property). */
  field?: string;
  /**
   * What the field holds. Needed when nothing else tells: a `string | null` property without a typed TypeORM
   * column, or any property of a class compiled without decorator metadata (esbuild, tsx, Vite). Wins over the
   * TypeORM column type and over TypeScript's `design:type`.
   */
  type?: FieldType;
  /** Whether the field may hold `null`. Default: the TypeORM column's `nullable`, else `true` for custom fields. */
  nullable?: boolean;
  /**
   * `false` keeps the field out of every request body: sign-up and profile updates ignore it, so only your
   * server code sets it (billing plans, roles, external ids). Default `true` for custom fields.
   */
  input?: boolean;
  /**
   * The longest value a request body may set: characters for a string, characters of the JSON text for an
   * object. Default: the column's length (`varchar(n)`), else 255 for strings and 16384 for JSON values.
   */
  maxLength?: number;
}

/**
 * Declares a property of an entity class to the auth engine.
 *
 * - `@AuthField('name') displayName` remaps: the standard field `name` is stored and read through `displayName`.
 * - `@AuthField() email` declares the standard field of the same name. Classes written without a base class
 *   need it, because TypeScript erases bare `email!: string` declarations and the builder could not see them.
 * - `@AuthField({ type: 'string', nullable: true }) nickname!: string | null` says what TypeScript cannot
 *   record for a union (its `design:type` is `Object`); `@AuthField('name', { nullable: true })` remaps and types.
 * - `@AuthField({ input: false }) stripeCustomerId` declares a custom field that no request may set.
 * - `@AuthField({ maxLength: 5000 }) bio` lets requests set longer text than the default 255 characters.
 * @example
 * `@AuthUser() class LegacyUser { @AuthField() id!: string; @AuthField({ type: 'date' }) birthday!: Date | null }`
 */
export function AuthField(fieldOrOptions?: string | AuthFieldOptions, more: Omit<AuthFieldOptions, 'field'> = {}): PropertyDecorator {
  const options: AuthFieldOptions = typeof fieldOrOptions === 'string' ? { ...more, field: fieldOrOptions } : { ...(fieldOrOptions ?? {}), ...more };
  return (prototype, property) => {
    if (typeof property !== 'string') return;
    getMetadataStorage().fields.push(
      Object.freeze({
        target: prototype.constructor,
        property,
        field: options.field ?? null,
        input: options.input ?? true,
        maxLength: options.maxLength ?? null,
        type: options.type ?? null,
        nullable: options.nullable ?? null,
      }),
    );
  };
}
