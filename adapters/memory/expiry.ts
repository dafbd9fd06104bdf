import type { EntityModel } from '../../entities/model/entity-model';

/** The kinds whose records expire: each has `expiresAt` and `createdAt`. */
type ExpiringKind = 'session' | 'verification' | 'invitation';

/**
 * Whether a row's `expiresAt` is at or before `now`. The boundary counts as expired, matching
 * `consumeVerification`, which hands out a record only while `expiresAt > now`.
 * @example
 * isExpired(models.session, session, new Date()); // true once the session's expiresAt has passed
 */
export function isExpired<T extends object>(model: EntityModel<T, ExpiringKind>, row: T, now: Date): boolean {
  return timeOf(model.read(row, 'expiresAt')) <= now.getTime();
}

/**
 * The newest row by `createdAt`; on a tie the later-stored row wins, so two records written in the same
 * millisecond still resolve to the one written last.
 * @example
 * newest(models.verification, tables.verifications.findGroup('identifier', 'reset:ada'));
 */
export function newest<T extends object>(model: EntityModel<T, ExpiringKind>, rows: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const row of rows) {
    if (!best || timeOf(model.read(row, 'createdAt')) >= timeOf(model.read(best, 'createdAt'))) best = row;
  }
  return best;
}

/** Dates arrive as `Date`s from the engine, but a JavaScript caller may hand in an ISO string or epoch ms. */
function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number') return new Date(value).getTime();
  return Number.NaN;
}
