import { createHmac, hkdfSync } from 'node:crypto';

/**
 * HMAC-SHA256 under a key derived from the auth secret for one `purpose`: how short one-time codes (backup
 * codes, emailed OTPs) are stored. A plain hash of a 6-digit code is reversed by trying a million values; this
 * digest cannot be checked without the server's secret, so a leaked row gives nothing away.
 * @example
 * const digest = new KeyedDigest(config.secret, 'two-factor:backup-code');
 * digest.of('ab12c-9xk3m') === digest.of('ab12c-9xk3m'); // true
 */
export class KeyedDigest {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), `better-auth-entities:digest:${purpose}`, 32));
  }

  /** The hex digest of `value`. */
  of(value: string): string {
    return createHmac('sha256', this.key).update(value, 'utf8').digest('hex');
  }
}
