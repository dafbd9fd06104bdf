import { randomInt } from 'node:crypto';
import type { AuthContext } from '../../core/auth-context';
import type { KeyedDigest } from '../../crypto/keyed-digest';
import { findTwoFactorRow, twoFactorRecords } from './two-factor-rows';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** New backup codes (`xxxxx-xxxxx` by default), shown once; only their digests are stored. */
export function newBackupCodes(amount: number, length: number): string[] {
  return Array.from({ length: amount }, () => {
    const code = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const half = Math.ceil(length / 2);
    return `${code.slice(0, half)}-${code.slice(half)}`;
  });
}

/** What the `backupCodes` column holds for a set of codes: their keyed digests, as JSON. */
export function storedBackupCodes(digest: KeyedDigest, codes: readonly string[]): string {
  return JSON.stringify(codes.map((code) => digest.of(code)));
}

function parseDigests(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return []; // not written by this plugin (better-auth's encrypted list): no code matches
  }
}

// Racing uses of *different* codes each change the column; a loser re-reads and tries again this often.
const MAX_RETRIES = 5;

/**
 * Spends one backup code of a user: `true` once, `false` for a code that is not (or no longer) theirs. The
 * column is rewritten only where it still holds what was read (one conditional update), so of concurrent uses
 * of one code exactly one succeeds; a use that lost to another code's use reads again and retries.
 */
export async function spendBackupCode(auth: AuthContext, digest: KeyedDigest, userId: string, code: string): Promise<boolean> {
  const wanted = digest.of(code.trim());
  for (let attempt = 0; attempt < MAX_RETRIES; attempt += 1) {
    const row = await findTwoFactorRow(auth, userId);
    if (!row) return false;
    const digests = parseDigests(row.backupCodes);
    const index = digests.indexOf(wanted);
    if (index < 0) return false;
    const remaining = JSON.stringify(digests.filter((_, position) => position !== index));
    if ((await twoFactorRecords(auth).update({ id: row.id, backupCodes: row.backupCodes }, { backupCodes: remaining })) === 1) return true;
  }
  return false;
}
