/** A string claim, or `null` when absent or of another type. */
export function stringClaim(source: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = source[name];
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** `email_verified` as providers send it: a boolean, or (some) the string "true". */
export function verifiedClaim(source: Readonly<Record<string, unknown>>, name = 'email_verified'): boolean {
  const value = source[name];
  return value === true || value === 'true';
}
