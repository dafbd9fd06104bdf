import type { AuthContext } from '../../core/auth-context';
import type { ResolvedTwoFactorOptions } from './options';
import { matchingStep } from './totp';
import { twoFactorRecords, type TwoFactorRow, type TwoFactorSecrets } from './two-factor-rows';
import type { CodeCheck } from './verify-flow';

/**
 * Checks a TOTP code of the row's authenticator and, if right, marks its time step used. A code is accepted
 * once (RFC 6238 §5.2): its step must be later than the last accepted one, and the row is updated only where
 * it still holds the step that was read, so of racing uses of one code exactly one is right.
 */
export async function acceptTotp(auth: AuthContext, options: ResolvedTwoFactorOptions, secrets: TwoFactorSecrets, row: TwoFactorRow, code: string): Promise<CodeCheck> {
  const secret = secrets.totpSecrets.open(row.secret);
  if (secret === null) return 'wrong'; // sealed under another secret, or not by this plugin: no code can match
  const step = matchingStep(secret, options.totp, code.trim());
  if (step === null) return 'wrong';
  if (row.lastTotpStep !== null && step <= row.lastTotpStep) return 'wrong';
  const claimed = await twoFactorRecords(auth).update({ id: row.id, lastTotpStep: row.lastTotpStep }, { lastTotpStep: step });
  return claimed === 1 ? 'right' : 'wrong';
}
