import type { PluginTable } from '../../schema/auth-schema';
import { recordModel, type RecordOf } from '../../schema/record-model';

/**
 * better-auth 1.7's `jwks` table: one row per signing key pair. `publicKey` is the public JWK as JSON (what
 * `/jwks` publishes); `privateKey` is the private JWK sealed with the auth secret (never stored in clear);
 * `expiresAt` is when the key stops signing (set only with `rotationInterval`); after it the key stays
 * published for the grace period, so tokens it signed keep verifying. `alg` and `crv` name the algorithm.
 */
export const jwksModel = recordModel('jwks', {
  publicKey: { type: 'string', required: true, long: true },
  privateKey: { type: 'string', required: true, long: true },
  createdAt: { type: 'date', required: true },
  expiresAt: { type: 'date' },
  alg: { type: 'string' },
  crv: { type: 'string' },
});

/** One stored key pair, as the adapter hands it back. */
export type JwksRow = RecordOf<typeof jwksModel.fields>;

/** The fields of a key row, as the code names them. */
export type JwksField = keyof typeof jwksModel.fields;

/** The table's declaration for the plugin's `schema.tables`, with the app's names: `modelName` for the table, `fields` for columns. */
export function jwksTable(names: { modelName?: string; fields?: Partial<Record<JwksField, string>> } = {}): PluginTable {
  const fields = Object.fromEntries(
    Object.entries(jwksModel.fields).map(([field, declared]) => {
      const column = names.fields?.[field as JwksField];
      return [field, column ? { ...declared, fieldName: column } : declared];
    }),
  );
  return { modelName: names.modelName ?? 'jwks', fields };
}
