import type { PluginTable } from '../../schema/auth-schema';

/** The model name plugin records use for the table, whatever its SQL name. */
export const PASSKEY_MODEL = 'passkey';

/**
 * better-auth's `passkey` table: one row per registered credential. `credentialID` is unique (better-auth only
 * indexes it): one authenticator credential belongs to one user, and an assertion finds its row by it. The
 * public key is the COSE key as base64; `counter` is the authenticator's signature counter, which must rise.
 */
export function passkeyTable(): PluginTable {
  return {
    modelName: 'passkey',
    fields: {
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
    },
  };
}
