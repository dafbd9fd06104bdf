/**
 * The form an email is stored and compared in: NFKC (so look-alike compatibility characters collapse to one
 * address), trimmed, lower-cased.
 */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}
