import type { PluginTable } from '../../schema/auth-schema';

/** The model name plugin records use for the table, whatever its SQL name. */
export const TWO_FACTOR_MODEL = 'twoFactor';

/** The fields of a two-factor row, as the code names them. */
export type TwoFactorField = 'secret' | 'backupCodes' | 'userId' | 'verified' | 'failedVerificationCount' | 'lockedUntil' | 'lastTotpStep';

/**
 * One row per user who set up an authenticator: better-auth's `twoFactor` table (`secret`, `backupCodes`,
 * `userId`, `verified`, `failedVerificationCount`, `lockedUntil`) plus `lastTotpStep`, the time step of the last
 * accepted TOTP code, which is what refuses a replayed code (RFC 6238 §5.2). The secret is stored encrypted and
 * the backup codes as keyed digests, so both are long text. Table and column names are the app's to choose.
 */
export function twoFactorTable(names: { modelName?: string; fields?: Partial<Record<TwoFactorField, string>> } = {}): PluginTable {
  const column = (field: TwoFactorField) => (names.fields?.[field] ? { fieldName: names.fields[field] } : {});
  return {
    modelName: names.modelName ?? 'two_factor',
    fields: {
      secret: { type: 'string', required: true, long: true, ...column('secret') },
      backupCodes: { type: 'string', required: true, long: true, ...column('backupCodes') },
      userId: { type: 'string', required: true, index: true, references: { model: 'user', field: 'id', onDelete: 'cascade' }, ...column('userId') },
      verified: { type: 'boolean', required: true, defaultValue: true, ...column('verified') },
      failedVerificationCount: { type: 'number', required: true, defaultValue: 0, ...column('failedVerificationCount') },
      lockedUntil: { type: 'date', ...column('lockedUntil') },
      lastTotpStep: { type: 'number', ...column('lastTotpStep') },
    },
  };
}
