/**
 * The few parts of `@opentelemetry/api` the engine uses, typed here rather than imported, so the published
 * declarations never name the package: an app without it installed still type-checks and loads us.
 *
 * Why an optional peer loaded with `require` at run time: the API keeps its globals (the registered SDK) on
 * one copy of the package; a copy of our own would never see the SDK the app registered on its copy
 * (DESIGN.md §7). Without the package installed, telemetry is off and costs nothing.
 */
export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue | undefined>;

export interface OtelContext {
  getValue(key: symbol): unknown;
  setValue(key: symbol, value: unknown): OtelContext;
}

export interface OtelSpan {
  spanContext(): { traceId: string; spanId: string; traceFlags: number };
  setAttribute(key: string, value: AttributeValue): OtelSpan;
  setAttributes(attributes: Attributes): OtelSpan;
  addEvent(name: string, attributes?: Attributes): OtelSpan;
  setStatus(status: { code: number; message?: string }): OtelSpan;
  updateName(name: string): OtelSpan;
  isRecording(): boolean;
  end(): void;
}

export interface OtelTracer {
  startSpan(name: string, options?: { kind?: number; attributes?: Attributes }, context?: OtelContext): OtelSpan;
}

export interface OtelCounter {
  add(value: number, attributes?: Attributes): void;
}

export interface OtelHistogram {
  record(value: number, attributes?: Attributes): void;
}

export interface OtelMeter {
  createCounter(name: string, options?: { description?: string; unit?: string }): OtelCounter;
  createUpDownCounter(name: string, options?: { description?: string; unit?: string }): OtelCounter;
  createHistogram(name: string, options?: { description?: string; unit?: string; advice?: { explicitBucketBoundaries?: number[] } }): OtelHistogram;
}

export interface OtelMeterProvider {
  getMeter(name: string, version?: string): OtelMeter;
}

export interface OtelTextMapGetter<C> {
  keys(carrier: C): string[];
  get(carrier: C, key: string): string | string[] | undefined;
}

/** The API's global tracer provider: a proxy whose delegate is the SDK's provider, or the no-op one. */
export interface OtelProxyTracerProvider {
  getDelegate?(): unknown;
}

export interface OtelApi {
  trace: {
    getTracerProvider(): OtelProxyTracerProvider;
    getTracer(name: string, version?: string): OtelTracer;
    setSpan(context: OtelContext, span: OtelSpan): OtelContext;
    getSpan(context: OtelContext): OtelSpan | undefined;
  };
  context: {
    active(): OtelContext;
    with<T>(context: OtelContext, fn: () => T): T;
  };
  propagation: {
    extract<C>(context: OtelContext, carrier: C, getter: OtelTextMapGetter<C>): OtelContext;
  };
  metrics: {
    getMeterProvider(): OtelMeterProvider;
  };
  createNoopMeter(): OtelMeter;
  ProxyTracerProvider: new () => OtelProxyTracerProvider;
  SpanKind: { SERVER: number; CLIENT: number; INTERNAL: number };
  SpanStatusCode: { UNSET: number; OK: number; ERROR: number };
}

let loaded: OtelApi | null | undefined;

/** The app's `@opentelemetry/api`, or `null` when it is not installed (then every span and metric is skipped). */
export function loadOtelApi(): OtelApi | null {
  if (loaded !== undefined) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('@opentelemetry/api') as OtelApi;
  } catch {
    loaded = null;
  }
  return loaded;
}
