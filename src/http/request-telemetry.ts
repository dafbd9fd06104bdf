import type { AuthInstruments } from '../observability/auth-metrics';
import type { Attributes, OtelContext, OtelSpan } from '../observability/otel-api';
import { telemetry } from '../observability/telemetry';
import type { AuthRequest, AuthResponse } from '../wire/auth-request';

/** What the handler learns while serving a request that the span and the duration metric need. */
export interface RequestObservation {
  /** The route template under the base path (`/api/auth/callback/:id`), once the router matched one. */
  route?: string;
  /** The request's span, so log lines carry its ids. */
  span?: OtelSpan;
}

/** A request somebody records: its server span (when tracing) and the instruments (when measuring). */
export interface ObservedRequest {
  traced: { span: OtelSpan; parent: OtelContext } | null;
  instruments: AuthInstruments | null;
}

/**
 * Starts observing a request: its server span (`<METHOD> <http.route>`, child of the caller's `traceparent`)
 * and the instruments for `http.server.request.duration`. `null` when nobody records spans or metrics, so the
 * handler serves the request the plain way: no span, no closure, no allocation on the hot path.
 */
export function startObserving(request: AuthRequest): ObservedRequest | null {
  const traced = telemetry.startServerSpan(request);
  const instruments = telemetry.metrics();
  return traced || instruments ? { traced, instruments } : null;
}

/** Serves an observed request inside its span, then ends the span and records the duration. */
export async function serveObserved(
  request: AuthRequest,
  { traced, instruments }: ObservedRequest,
  serve: (observation: RequestObservation) => Promise<AuthResponse>,
): Promise<AuthResponse> {
  const started = performance.now();
  const observation: RequestObservation = { span: traced?.span };
  const response = traced ? await telemetry.runInSpan(traced.span, () => serve(observation), traced.parent) : await serve(observation);
  const attributes: Attributes = { 'http.request.method': request.method, 'http.response.status_code': response.status };
  if (observation.route) attributes['http.route'] = observation.route;
  const code = response.status >= 400 ? errorCodeOf(response) : undefined;
  if (code) attributes['error.type'] = code;
  if (traced) {
    const { span } = traced;
    if (observation.route) span.updateName(`${request.method} ${observation.route}`);
    span.setAttributes(attributes);
    if (code) span.setAttribute('auth.error.code', code);
    // semconv for server spans: only a 5xx is the server's error; a 4xx is the client's.
    if (response.status >= 500) telemetry.setError(span);
    span.end();
  }
  instruments?.requestDuration.record((performance.now() - started) / 1000, attributes);
  return response;
}

/** Our error code from an error answer's `{ code, message }` body (read only for answers >= 400). */
function errorCodeOf(response: AuthResponse): string | undefined {
  if (!response.body) return String(response.status);
  try {
    const code = (JSON.parse(response.body) as { code?: unknown }).code;
    return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : String(response.status);
  } catch {
    return String(response.status);
  }
}
