import { Secret, TOTP } from 'otpauth';

/** How codes are made: the options every authenticator app is given through the URI. */
export interface TotpSettings {
  digits: number;
  period: number;
}

/** A new TOTP secret: 20 random bytes (RFC 4226's recommended 160 bits), in base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/...` URI an authenticator app scans (SHA-1, as every app supports). */
export function totpUri(secret: string, settings: TotpSettings, issuer: string, account: string): string {
  return totp(secret, settings, issuer, account).toString();
}

/**
 * The time step a code belongs to, when it is the code of the current step or of one step either side (clock
 * drift); `null` otherwise. The step is what the replay guard remembers. otpauth compares in constant time.
 */
export function matchingStep(secret: string, settings: TotpSettings, code: string, now = Date.now()): number | null {
  const generator = totp(secret, settings);
  if (!new RegExp(`^\\d{${settings.digits}}$`).test(code)) return null;
  const delta = generator.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : generator.counter({ timestamp: now }) + delta;
}

function totp(secret: string, settings: TotpSettings, issuer?: string, label?: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: settings.digits, period: settings.period, issuer, label, issuerInLabel: Boolean(issuer) });
}
