import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import type { PluginRecord, PluginRecords } from '../../../adapters/plugin-records';
import type { AuthContext } from '../../core/auth-context';
import { PASSKEY_MODEL } from './schema';

/** One passkey as the API answers it (better-auth's row: the public key is no secret, so it is included). */
export interface PasskeyRow {
  id: string;
  name: string | null;
  publicKey: string;
  userId: string;
  credentialID: string;
  counter: number;
  deviceType: string;
  backedUp: boolean;
  transports: string | null;
  aaguid: string | null;
  createdAt: Date | null;
}

/** The passkey table, on the configured adapter or on `db` (a transaction under way). */
export function passkeyRecords(auth: AuthContext, db?: DatabaseAdapter): PluginRecords {
  return auth.records(PASSKEY_MODEL, db);
}

/** A stored record in plain types: SQLite and MySQL hand booleans back as 0/1 and may hand dates as strings. */
export function asPasskey(record: PluginRecord): PasskeyRow {
  const createdAt = record.createdAt;
  return {
    id: String(record.id),
    name: record.name == null ? null : String(record.name),
    publicKey: String(record.publicKey),
    userId: String(record.userId),
    credentialID: String(record.credentialID),
    counter: Number(record.counter ?? 0),
    deviceType: String(record.deviceType),
    backedUp: record.backedUp === true || record.backedUp === 1,
    transports: record.transports == null ? null : String(record.transports),
    aaguid: record.aaguid == null ? null : String(record.aaguid),
    createdAt: createdAt == null ? null : new Date(createdAt as string | Date),
  };
}

export async function listPasskeys(auth: AuthContext, userId: string): Promise<PasskeyRow[]> {
  return (await passkeyRecords(auth).findMany({ userId }, { orderBy: ['createdAt', 'asc'] })).map(asPasskey);
}

export async function findPasskey(auth: AuthContext, where: { id: string } | { credentialID: string }): Promise<PasskeyRow | null> {
  const record = await passkeyRecords(auth).findOne(where);
  return record ? asPasskey(record) : null;
}

/** The stored transports (`"internal,hybrid"`) as the list WebAuthn options carry. */
export function transportsOf(row: PasskeyRow): AuthenticatorTransportList | undefined {
  return row.transports ? (row.transports.split(',').filter(Boolean) as AuthenticatorTransportList) : undefined;
}

type AuthenticatorTransportList = Array<'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb'>;
