import type { PluginTable } from '../../schema/auth-schema';

/** The model name plugin records use for the table, whatever its SQL name. */
export const PASSKEY_MODEL = 'passkey';

/**
 * better-auth's `passkey` table: one row per registered credential. `credentialID` is unique (better-auth only
 * indexes it): one authenticator credential belongs to one user, and an assertion finds its row by it. The
 * public key is the COSE key as base64; `counter` is the authenticator's signature counter, which must rise.
 */
export function passkeyTable(names: PasskeyTableNames = {}): PluginTable {
  const fields: Record<PasskeyField, PluginTable['fields'][string]> = {
    name: { type: 'string' },
    publicKey: { type: 'string', required: true, long: true },
    userId: { type: 'string', required: true, index: true, references: { model: 'user', field: 'id', onDelete: 'cascade' } },
    credentialID: { type: 'string', required: true, unique: true },
    counter: { type: 'number', required: true },
    deviceType: { type: 'string', required: true },
    backedUp: { type: 'boolean', required: true },
    transports: { type: 'string' },
    aaguid: { type: 'string' },
    createdAt: { type: 'date' },
  };
  const named = Object.fromEntries(
    Object.entries(fields).map(([field, declared]) => {
      const column = names.fields?.[field as PasskeyField];
      return [field, column ? { ...declared, fieldName: column } : declared];
    }),
  );
  return { modelName: names.modelName ?? 'passkey', fields: named };
}

/** The fields of a passkey row, as the code names them. */
export type PasskeyField = 'name' | 'publicKey' | 'userId' | 'credentialID' | 'counter' | 'deviceType' | 'backedUp' | 'transports' | 'aaguid' | 'createdAt';

/** The table's SQL name and columns, where the app's differ from ours (`schema.passkey` of the options). */
export interface PasskeyTableNames {
  modelName?: string;
  fields?: Partial<Record<PasskeyField, string>>;
}

/**
 * better-auth's names for the passkey table (`passkey`, columns named as the fields: `publicKey`, `credentialID`),
 * for a database better-auth made.
 * @example
 * new PasskeyPlugin({ schema: { passkey: BETTER_AUTH_PASSKEY_NAMES } })
 */
export const BETTER_AUTH_PASSKEY_NAMES: Required<PasskeyTableNames> = Object.freeze({
  modelName: 'passkey',
  fields: Object.freeze(Object.fromEntries(Object.keys(passkeyTable().fields).map((field) => [field, field]))) as Record<PasskeyField, string>,
});
