import type { PluginField } from './auth-schema';

/** The TypeScript type a declared field type reads back as (adapters decode every dialect's storage to these). */
interface RecordValueTypes {
  string: string;
  number: number;
  boolean: boolean;
  date: Date;
  json: unknown;
}

/** The fields of a plugin table as declared: better-auth's plugin-schema shape, kept literal (`as const`). */
export type RecordFields = Readonly<Record<string, Readonly<PluginField>>>;

type ValueOfField<F> = (F extends { type: infer T extends keyof RecordValueTypes } ? RecordValueTypes[T] : never) | (F extends { required: true } ? never : null);

/**
 * One stored record of a table with these fields: an `id`, then each field with its type, `null` when the
 * field is not `required`.
 * @example
 * type Entry = RecordOf<{ action: { type: 'string'; required: true }; at: { type: 'date' } }>; // { id: string; action: string; at: Date | null }
 */
export type RecordOf<Fields extends RecordFields> = { id: string } & { -readonly [K in keyof Fields]: ValueOfField<Fields[K]> };

/** Whether a create may leave a field out: it may be null, or the table has a default for it. */
type MayOmit<F> = F extends { required: true } ? (F extends { defaultValue: unknown } ? true : false) : true;

/** What `create` takes: every required field without a default, the others (and the `id`) optional. */
export type NewRecordOf<Fields extends RecordFields> = { id?: string } & {
  -readonly [K in keyof Fields as MayOmit<Fields[K]> extends true ? never : K]: ValueOfField<Fields[K]>;
} & { -readonly [K in keyof Fields as MayOmit<Fields[K]> extends true ? K : never]?: ValueOfField<Fields[K]> };

/**
 * A plugin table named together with the types of its fields, so `auth.records(model)` is typed by the
 * declaration instead of returning loose `Record<string, unknown>` rows. The plugin declares the table
 * from the same fields (`schema.tables[model.model] = { fields: model.fields }`), so the two cannot drift.
 * @example
 * const auditEntries = recordModel('auditEntry', { action: { type: 'string', required: true }, at: { type: 'date', required: true } });
 * const rows = await auth.records(auditEntries).findMany({ action: 'sign-up' }); // rows[0].at is a Date
 */
export interface RecordModel<Fields extends RecordFields = RecordFields> {
  /** The model name the table is declared under in the plugin's `schema.tables`. */
  readonly model: string;
  readonly fields: Fields;
}

/**
 * Names a plugin table's model and fields once, for the schema declaration and for typed `auth.records`.
 * @example
 * export const rateLimits = recordModel('rateLimit', { key: { type: 'string', required: true, unique: true } });
 */
export function recordModel<const Fields extends RecordFields>(model: string, fields: Fields): RecordModel<Fields> {
  return { model, fields };
}
