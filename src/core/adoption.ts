/**
 * The "adopt" extension point: how the engine and each plugin convert what another auth library left in a
 * database into their own formats, in place (`migrate --from better-auth`). Core converts session tokens;
 * two-factor reseals its secrets and backup codes; social sign-in reseals provider tokens. A plugin takes part
 * by declaring `adopt` (see `PluginDeclarations`), and never needs to know about SQL: it reads and writes rows
 * by model and field name through {@link AdoptionRows}, inside the one transaction of the whole run.
 * @example
 * readonly adopt = async ({ rows, secret }: AdoptionSource) => {
 *   let count = 0;
 *   for await (const row of rows.scan('auditEntry', ['note'])) if (row.note && (await rows.update('auditEntry', row.id, { note: upgrade(row.note) }, { note: row.note }))) count += 1;
 *   return [{ what: 'audit notes upgraded', count }];
 * };
 */
export interface AdoptionSource {
  /** Where the data comes from; only better-auth today. */
  readonly from: 'better-auth';
  /** The auth secret, which must be the one the other library used (its `BETTER_AUTH_SECRET`). */
  readonly secret: string;
  /** A dry run writes nothing: `update` answers as if it had, so the counts are the ones a real run reports. */
  readonly dryRun: boolean;
  readonly rows: AdoptionRows;
}

/** Row access by model and field name (the schema's SQL names are resolved for you); string fields only. */
export interface AdoptionRows {
  /**
   * Every row of a model, in pages (so a large table is never held at once): its `id` and the named fields.
   * A model whose table the database does not have yet yields nothing.
   */
  scan(model: string, fields: readonly string[]): AsyncIterable<AdoptionRow>;
  /**
   * Sets fields of one row, only where each field of `expected` still holds that value (so a row changed
   * meanwhile is left alone); `true` when the row was changed (or, in a dry run, would have been).
   */
  update(model: string, id: string, changes: Readonly<Record<string, string>>, expected: Readonly<Record<string, string | null>>): Promise<boolean>;
}

/** One row as {@link AdoptionRows.scan} reads it. */
export type AdoptionRow = { readonly id: string } & Readonly<Record<string, string | null>>;

/** One line of what an adoption did (or would do): `count` rows converted, `left` rows it could not read. */
export interface AdoptionChange {
  readonly what: string;
  readonly count: number;
  /** Rows left as they were because they could not be read (another secret): say what that means for users. */
  readonly left?: number;
  readonly leftNote?: string;
}

/** The `adopt` member of a plugin's declarations. */
export type Adopter = (source: AdoptionSource) => Promise<readonly AdoptionChange[]>;
