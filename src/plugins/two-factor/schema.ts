import type { PluginTable } from '../../schema/auth-schema';
import { recordModel, type RecordOf } from '../../schema/record-model';

/**
 * One row per user who set up an authenticator: better-auth's `twoFactor` table (`secret`, `backupCodes`,
 * `userId`, `verified`, `failedVerificationCount`, `lockedUntil`) plus `lastTotpStep`, the time step of the last
 * accepted TOTP code, which is what refuses a replayed code (RFC 6238 §5.2). The secret is stored encrypted and
 * the backup codes as keyed digests, so both are long text. The model name is what plugin records use,
 * whatever the table's SQL name.
 */
export const twoFactorModel = recordModel('twoFactor', {
  secret: { type: 'string', required: true, long: true },
  backupCodes: { type: 'string', required: true, long: true },
  userId: { type: 'string', required: true, index: true, references: { model: 'user', field: 'id', onDelete: 'cascade' } },
  verified: { type: 'boolean', required: true, defaultValue: true },
  failedVerificationCount: { type: 'number', required: true, defaultValue: 0 },
  lockedUntil: { type: 'date' },
  lastTotpStep: { type: 'number' },
});

/** The model name plugin records use for the table, whatever its SQL name. */
export const TWO_FACTOR_MODEL = twoFactorModel.model;

/** The fields of a two-factor row, as the code names them. */
export type TwoFactorField = keyof typeof twoFactorModel.fields;

/** One row of the two-factor table, as the adapter hands it back (typed by the declaration above). */
export type TwoFactorRow = RecordOf<typeof twoFactorModel.fields>;

/** The table with the app's names: `modelName` for the table, `fields` for columns. */
export function twoFactorTable(names: { modelName?: string; fields?: Partial<Record<TwoFactorField, string>> } = {}): PluginTable {
  const fields = Object.fromEntries(
    Object.entries(twoFactorModel.fields).map(([field, declared]) => {
      const column = names.fields?.[field as TwoFactorField];
      return [field, column ? { ...declared, fieldName: column } : declared];
    }),
  );
  return { modelName: names.modelName ?? 'two_factor', fields };
}

/**
 * better-auth's names for the two-factor table (`twoFactor`, columns named as the fields), for a database
 * better-auth made; `lastTotpStep` is ours and is added under that name by `migrate --from better-auth`.
 * @example
 * new TwoFactorPlugin({ issuer: 'Acme', schema: { twoFactor: BETTER_AUTH_TWO_FACTOR_NAMES } })
 */
export const BETTER_AUTH_TWO_FACTOR_NAMES: { modelName: string; fields: Record<TwoFactorField, string> } = Object.freeze({
  modelName: 'twoFactor',
  fields: Object.freeze(Object.fromEntries(Object.keys(twoFactorModel.fields).map((field) => [field, field])) as Record<TwoFactorField, string>),
});
