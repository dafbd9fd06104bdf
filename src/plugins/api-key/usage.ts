import { AuthError } from '../../errors/auth-error';
import type { ApiKeyRecords } from './api-key-rows';
import { API_KEY_ERRORS } from './error-codes';
import type { ApiKeyRow } from './schema';

// Every lost compare-and-set means another request won one, so the loops end; this bounds a pathological case.
const MAX_ATTEMPTS = 200;
// `lastRequest` of a key without limits or a quota is display only: written at most once a minute, not per request.
const LAST_REQUEST_RESOLUTION_MS = 60_000;

/**
 * Takes one request from a key's per-key rate limit, when the key has one: `requestCount` counts in fixed
 * windows of `rateLimitTimeWindow` ms, numbered in `requestWindow`. Raising the count is one conditional
 * statement (`count < max` in this window), and moving to a new window a compare-and-set on the window
 * number, so any number of racing requests (in any number of processes) get exactly `max` through.
 * Returns the fields written, or throws 429 `RATE_LIMITED`.
 */
export async function takeRateLimit(records: ApiKeyRecords, row: ApiKeyRow, limitsOn: boolean, now: number): Promise<Partial<ApiKeyRow>> {
  const windowMs = row.rateLimitTimeWindow;
  const max = row.rateLimitMax;
  if (!limitsOn || !row.rateLimitEnabled || windowMs == null || max == null || windowMs <= 0) return {};
  let window = Math.floor(now / windowMs);
  let seen = row;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (seen.requestWindow === window) {
      if (seen.requestCount >= max) break;
      const counted = await records.increment({ id: row.id, requestWindow: window }, 'requestCount', { below: max, values: { lastRequest: new Date(now) } });
      if (counted === 1) return { requestWindow: window, requestCount: seen.requestCount + 1, lastRequest: new Date(now) };
    } else if (seen.requestWindow != null && seen.requestWindow > window) {
      // Another process's clock is ahead: count in its window rather than moving the key back.
      window = seen.requestWindow;
      continue;
    } else {
      const opened = max > 0 && (await records.update({ id: row.id, requestWindow: seen.requestWindow }, { requestWindow: window, requestCount: 1, lastRequest: new Date(now) }));
      if (opened === 1) return { requestWindow: window, requestCount: 1, lastRequest: new Date(now) };
      if (max <= 0) break;
    }
    const fresh = await records.findOne({ id: row.id });
    if (!fresh) throw new AuthError(API_KEY_ERRORS.INVALID_API_KEY);
    seen = fresh;
  }
  const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
  throw new AuthError(API_KEY_ERRORS.RATE_LIMITED, undefined, undefined, { retryAfterSeconds });
}

/** Whether the key's `remaining` is due for its refill (better-auth: once `refillInterval` ms passed since the last). */
function refillDue(row: ApiKeyRow, now: number): boolean {
  if (!row.refillInterval || !row.refillAmount) return false;
  const last = (row.lastRefillAt ?? row.createdAt).getTime();
  return now - last > row.refillInterval;
}

/**
 * Spends one use of a key with a `remaining` count (none to spend when it is `null`): a compare-and-set on
 * the count read, retried on the fresh row when another request spent first, so N racing requests on a key
 * with `remaining: n` end with exactly min(N, n) successes and never below zero. A refill that is due sets
 * `remaining` back to `refillAmount` (minus this use) with a compare-and-set on `lastRefillAt`, so one
 * request refills and the others spend from it. Throws 429 `USAGE_EXCEEDED` when nothing is left.
 */
export async function spendUse(records: ApiKeyRecords, row: ApiKeyRow, now: number): Promise<Partial<ApiKeyRow>> {
  let seen = row;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (seen.remaining == null) return {};
    let written: Partial<ApiKeyRow> | null = null;
    if (refillDue(seen, now)) {
      const values = { remaining: seen.refillAmount! - 1, lastRefillAt: new Date(now), lastRequest: new Date(now), updatedAt: new Date(now) };
      if ((await records.update({ id: row.id, remaining: seen.remaining, lastRefillAt: seen.lastRefillAt }, values)) === 1) written = values;
    } else {
      if (seen.remaining <= 0) throw new AuthError(API_KEY_ERRORS.USAGE_EXCEEDED);
      const values = { remaining: seen.remaining - 1, lastRequest: new Date(now), updatedAt: new Date(now) };
      if ((await records.update({ id: row.id, remaining: seen.remaining }, values)) === 1) written = values;
    }
    if (written) return written;
    const fresh = await records.findOne({ id: row.id });
    if (!fresh) throw new AuthError(API_KEY_ERRORS.INVALID_API_KEY);
    seen = fresh;
  }
  throw new AuthError(API_KEY_ERRORS.USAGE_EXCEEDED);
}

/** Notes when a key without a quota or limit was last used, at most once a minute (no write per request). */
export async function touchLastRequest(records: ApiKeyRecords, row: ApiKeyRow, now: number): Promise<Partial<ApiKeyRow>> {
  if (row.lastRequest && now - row.lastRequest.getTime() < LAST_REQUEST_RESOLUTION_MS) return {};
  const values = { lastRequest: new Date(now) };
  await records.update({ id: row.id }, values);
  return values;
}
