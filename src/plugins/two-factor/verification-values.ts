import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import type { AuthContext } from '../../core/auth-context';

/*
 * Short-lived state kept in the verification table under identifiers of this plugin (`two-factor:…`): pending
 * challenges, emailed codes, trusted devices. Values are JSON. Reads go through the adapter's atomic
 * `consumeVerification` wherever a value must be used once.
 */

export async function putValue(auth: AuthContext, identifier: string, value: object, expiresAt: Date): Promise<void> {
  const now = new Date();
  await auth.db.createVerification({ identifier, value: JSON.stringify(value), expiresAt, createdAt: now, updatedAt: now });
}

/** The value and expiry of a live record, without using it up. */
export async function peekValue<T>(auth: AuthContext, identifier: string, now = Date.now()): Promise<{ value: T; expiresAt: Date } | null> {
  const record = await auth.db.getVerificationByIdentifier(identifier);
  return record ? decode<T>(auth, record, now) : null;
}

/** Takes a live record away: of any number of concurrent calls, one gets it. */
export async function takeValue<T>(auth: AuthContext, identifier: string, now = Date.now()): Promise<{ value: T; expiresAt: Date } | null> {
  const record = await auth.db.consumeVerification(identifier, new Date(now));
  return record ? decode<T>(auth, record, now) : null;
}

/**
 * Removes every record under an identifier (a resent code replaces the last one; a revocation ends all); `on`
 * is a transaction's adapter when the removal belongs to one.
 */
export async function dropValues(auth: AuthContext, identifier: string, on: DatabaseAdapter = auth.db): Promise<void> {
  for (let record = await on.getVerificationByIdentifier(identifier); record; record = await on.getVerificationByIdentifier(identifier)) {
    if (!(await on.deleteVerification(auth.models.verification.read(record, 'id')))) break;
  }
}

function decode<T>(auth: AuthContext, record: object, now: number): { value: T; expiresAt: Date } | null {
  const expiresAt = auth.models.verification.read(record, 'expiresAt');
  if (expiresAt.getTime() <= now) return null;
  try {
    return { value: JSON.parse(String(auth.models.verification.read(record, 'value'))) as T, expiresAt };
  } catch {
    return null;
  }
}
