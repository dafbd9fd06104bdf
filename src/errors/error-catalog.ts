import { ConfigError } from './config-error';
import type { DeclaredError } from './declared-error';
import { ERROR_CODES } from './error-codes';

/**
 * The one code→status table of an auth instance: the engine's own codes plus every code its plugins declared.
 * Built once by `BetterAuth.build()`; the OpenAPI document and `AuthContext.errors` read it. A plugin may
 * re-declare an engine code only with the same status (better-auth reuses some names across plugins).
 */
export class ErrorCatalog {
  private readonly entries = new Map<string, DeclaredError & { readonly source: string }>();

  constructor() {
    for (const [code, { status, message }] of Object.entries(ERROR_CODES)) this.entries.set(code, { code, status, message, source: 'core' });
  }

  /** Adds a plugin's codes; a code already known with another status is a configuration error. */
  declare(source: string, errors: Readonly<Record<string, DeclaredError>>): void {
    for (const error of Object.values(errors)) {
      const known = this.entries.get(error.code);
      if (known && known.status !== error.status) {
        throw new ConfigError(
          `Plugin "${source}" declares ${error.code} with status ${error.status}, but ${known.source} declares it with ${known.status}; one code has one status.`,
        );
      }
      if (!known) this.entries.set(error.code, { ...error, source });
    }
  }

  /** The status and message of a code, or `undefined` when nobody declared it. */
  get(code: string): DeclaredError | undefined {
    const entry = this.entries.get(code);
    return entry && { code: entry.code, status: entry.status, message: entry.message };
  }

  /** Every code with its status and message, engine codes first. */
  all(): DeclaredError[] {
    return [...this.entries.values()].map(({ code, status, message }) => ({ code, status, message }));
  }
}
