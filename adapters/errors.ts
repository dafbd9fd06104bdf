import type { EntityKind } from '../entities/entity-kind';

/**
 * A create or update would break a uniqueness rule (email, username, session token, provider + account id,
 * organization slug, organization + user). Every adapter throws this, so the engine can answer
 * `USER_ALREADY_EXISTS` and the like without knowing the database.
 */
export class UniqueConstraintError extends Error {
  constructor(
    readonly kind: EntityKind,
    readonly fields: readonly string[],
  ) {
    super(`a ${kind} with the same ${fields.join(' + ')} already exists`);
    this.name = 'UniqueConstraintError';
  }
}

/**
 * The database cannot be reached or failed for a reason that is not the caller's (connection lost,
 * pool exhausted). The engine answers 503 `DATABASE_UNAVAILABLE`; `cause` keeps the driver's error for logs.
 */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}
