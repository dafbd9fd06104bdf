import { currentRequestScope, type RequestScope } from '../core/request-scope';
import type { Logger } from '../core/logger';
import { telemetry } from './telemetry';

type Level = 'error' | 'warn' | 'info' | 'debug';

/** The ids a log line carries: the request's id and, when the request is traced, its trace and span. */
export interface LogIds {
  requestId?: string;
  traceId?: string;
  spanId?: string;
}

/**
 * The configured logger, with the request id and trace id added to every line written while a request is
 * served. Levels mean: `error` something failed and someone should look (a 500, a database or storage
 * outage, an email that could not be sent); `warn` a refusal or a fallback the service survives (a provider
 * callback refused, a hook failing after the answer); `info` a change of state worth a line (the storage is
 * back); `debug` nothing yet.
 *
 * Two shapes of logger are served:
 * - pino-compatible (it has `child` and `bindings`, as `pino()` does): `logger.error({ requestId, traceId,
 *   spanId, detail }, message)`, one JSON line with the ids as fields;
 * - console-like (`console`, a `{ error, warn }` object): `logger.error(message, ...details, "requestId=… traceId=…")`.
 * Nothing the engine logs carries a secret: messages name what failed, never the values a user sent.
 */
export class ContextualLogger implements Logger {
  private readonly structured: boolean;

  constructor(
    readonly target: Logger,
    /** Ids fixed at creation (a logger bound to one request); otherwise read from the current request scope. */
    private readonly ids?: LogIds,
  ) {
    const candidate = target as unknown as { child?: unknown; bindings?: unknown };
    this.structured = typeof candidate.child === 'function' && typeof candidate.bindings === 'function';
  }

  /** A logger whose lines carry this request's ids, for code that holds the request rather than a scope. */
  forRequest(scope: RequestScope): ContextualLogger {
    return new ContextualLogger(this.target, idsOf(scope));
  }

  error(message: string, ...details: unknown[]): void {
    this.write('error', message, details);
  }

  warn(message: string, ...details: unknown[]): void {
    this.write('warn', message, details);
  }

  info(message: string, ...details: unknown[]): void {
    this.write('info', message, details);
  }

  debug(message: string, ...details: unknown[]): void {
    this.write('debug', message, details);
  }

  private write(level: Level, message: string, details: unknown[]): void {
    const method = (this.target as unknown as Partial<Record<Level, (...args: unknown[]) => void>>)[level];
    if (typeof method !== 'function') return; // a console-like logger without info/debug: those lines are dropped
    const ids = this.ids ?? currentIds();
    if (this.structured) {
      const fields: Record<string, unknown> = { ...ids };
      if (details.length > 0) fields.detail = details.length === 1 ? details[0] : details;
      method.call(this.target, fields, message);
      return;
    }
    const suffix = describeIds(ids);
    if (suffix) method.call(this.target, message, ...details, suffix);
    else method.call(this.target, message, ...details);
  }
}

/** The ids of the request being served: from the request scope, else from the active span. */
function currentIds(): LogIds {
  const scope = currentRequestScope();
  if (scope) return idsOf(scope);
  const active = telemetry.activeIds();
  return active ? { traceId: active.traceId, spanId: active.spanId } : {};
}

function idsOf(scope: RequestScope): LogIds {
  const ids: LogIds = { requestId: requestIdOf(scope) };
  const active = telemetry.activeIds() ?? scope.trace;
  if (active) {
    ids.traceId = active.traceId;
    ids.spanId = active.spanId;
  }
  return ids;
}

function describeIds(ids: LogIds): string {
  const parts: string[] = [];
  if (ids.requestId) parts.push(`requestId=${ids.requestId}`);
  if (ids.traceId) parts.push(`traceId=${ids.traceId}`);
  return parts.join(' ');
}

// An incoming id is kept only when it looks like one: a header is input, and must not smuggle text into logs.
const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's `x-request-id` when plausible, else one made up on first use and kept. */
export function requestIdOf(scope: RequestScope): string {
  if (scope.requestId) return scope.requestId;
  const given = scope.request.header('x-request-id');
  scope.requestId = given && PLAUSIBLE_ID.test(given) ? given : globalThis.crypto.randomUUID();
  return scope.requestId;
}
