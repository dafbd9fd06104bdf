import type { AuthRequest } from '../wire/auth-request';
import { createAuthInstruments, type AuthInstruments } from './auth-metrics';
import { loadOtelApi, type Attributes, type OtelApi, type OtelContext, type OtelMeterProvider, type OtelSpan, type OtelTracer } from './otel-api';

const SCOPE = 'better-auth-entities';

/**
 * The engine's one door to OpenTelemetry: spans and instruments through the app's `@opentelemetry/api`.
 *
 * Why it is cheap when nobody listens (get-session is the hot path): the tracer is a proxy resolved once,
 * a span nobody records is ended at once and its attributes never built, and the instruments are created
 * once per registered meter provider; without one, `metrics()` answers `null` and callers skip recording.
 */
export class Telemetry {
  private readonly tracer: OtelTracer | null;
  private meterProvider: OtelMeterProvider | undefined;
  private instruments: AuthInstruments | null = null;
  private readonly noopMeterType: unknown;
  private readonly noopTracerProvider: unknown;

  constructor(private readonly api: OtelApi | null = loadOtelApi()) {
    // The API's tracer is a proxy: an SDK registered after this line is still found.
    this.tracer = api ? api.trace.getTracer(SCOPE) : null;
    this.noopMeterType = api ? Object.getPrototypeOf(api.createNoopMeter()) : null;
    // A fresh proxy provider delegates to the API's one no-op provider: what the global delegates to until an SDK registers.
    this.noopTracerProvider = api ? new api.ProxyTracerProvider().getDelegate?.() : null;
  }

  /**
   * Whether a tracer provider is registered: read per call (an SDK may register later) and cheap, so the hot
   * path without an SDK starts no span at all, not even a non-recording one.
   */
  tracing(): boolean {
    if (!this.api) return false;
    const provider = this.api.trace.getTracerProvider();
    const delegate = typeof provider.getDelegate === 'function' ? provider.getDelegate() : provider;
    return delegate !== this.noopTracerProvider;
  }

  /** The instruments of the registered meter provider, or `null` when none is registered (record nothing). */
  metrics(): AuthInstruments | null {
    if (!this.api) return null;
    const provider = this.api.metrics.getMeterProvider();
    if (provider !== this.meterProvider) {
      // A meter provider registered (or replaced) since the last call: the instruments follow it.
      this.meterProvider = provider;
      const meter = provider.getMeter(SCOPE);
      this.instruments = Object.getPrototypeOf(meter) === this.noopMeterType ? null : createAuthInstruments(meter);
    }
    return this.instruments;
  }

  /** A span under the active one, or `null` when nobody records it (then build no attributes). */
  startSpan(name: string, kind: 'internal' | 'client' = 'internal'): OtelSpan | null {
    if (!this.tracer || !this.api || !this.tracing()) return null;
    const span = this.tracer.startSpan(name, { kind: kind === 'client' ? this.api.SpanKind.CLIENT : this.api.SpanKind.INTERNAL });
    if (span.isRecording()) return span;
    span.end();
    return null;
  }

  /**
   * The server span of an incoming request, child of the caller's `traceparent` when it sent one, or `null`
   * when nobody records it. `parent` is the context to run the request in (see `runInSpan`).
   */
  startServerSpan(request: AuthRequest): { span: OtelSpan; parent: OtelContext } | null {
    if (!this.tracer || !this.api || !this.tracing()) return null;
    const method = request.method;
    const parent = this.api.propagation.extract(this.api.context.active(), request, HEADER_GETTER);
    const span = this.tracer.startSpan(method, { kind: this.api.SpanKind.SERVER, attributes: { 'http.request.method': method } }, parent);
    if (span.isRecording()) return { span, parent };
    span.end();
    return null;
  }

  /** Runs `work` with `span` as the active span, so the spans `work` starts are its children. */
  runInSpan<T>(span: OtelSpan, work: () => T, parent?: OtelContext): T {
    const api = this.api as OtelApi;
    return api.context.with(api.trace.setSpan(parent ?? api.context.active(), span), work);
  }

  /**
   * Runs `work` in a child span named `name` (ended when it settles, marked as an error when it throws).
   * `attributes` is called only when the span is recorded.
   */
  async inSpan<T>(name: string, attributes: Attributes | (() => Attributes) | null, work: () => Promise<T>, kind: 'internal' | 'client' = 'internal'): Promise<T> {
    const span = this.startSpan(name, kind);
    if (!span) return work();
    if (attributes) span.setAttributes(typeof attributes === 'function' ? attributes() : attributes);
    try {
      return await this.runInSpan(span, work);
    } catch (error) {
      this.failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  /** Marks a span failed with the error's class or code (never its message, which may quote input). */
  failed(span: OtelSpan, error: unknown): void {
    const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
    span.setAttribute('error.type', code ?? (error instanceof Error ? error.constructor.name : 'Error'));
    span.setStatus({ code: (this.api as OtelApi).SpanStatusCode.ERROR });
  }

  /** Marks a span failed without an exception (a server span answering 5xx). */
  setError(span: OtelSpan): void {
    span.setStatus({ code: (this.api as OtelApi).SpanStatusCode.ERROR });
  }

  /** The trace and span ids of the active span, for log lines; `null` outside a recorded span. */
  activeIds(): { traceId: string; spanId: string } | null {
    if (!this.api) return null;
    const span = this.api.trace.getSpan(this.api.context.active());
    if (!span) return null;
    const { traceId, spanId } = span.spanContext();
    return { traceId, spanId };
  }
}

// The request is the carrier: `traceparent` and `tracestate` are read by the registered propagator.
const HEADER_GETTER = {
  keys: () => [],
  get: (request: AuthRequest, key: string) => request.header(key.toLowerCase()),
};

/** The process's telemetry: one, since the API's globals (the registered SDK) are one per process. */
export const telemetry = new Telemetry();
