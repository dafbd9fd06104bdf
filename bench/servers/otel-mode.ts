/**
 * How the bench server meets OpenTelemetry, from `BENCH_OTEL` (loaded before the library, see ours.ts):
 * - `absent`: `@opentelemetry/api` cannot be resolved, as in an app without it: today's figure, the engine
 *   skips every span and metric at a null check;
 * - `api` (default): the API is installed and nothing registered: every span is a non-recording one;
 * - `sdk`: the SDK registered as an app would, exporting into memory (cleared every second so a long run does
 *   not grow the heap): the cost of actually recording spans and metrics.
 */
import Module from 'node:module';

const mode = process.env.BENCH_OTEL ?? 'api';

if (mode === 'absent') {
  const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = resolver._resolveFilename;
  resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === '@opentelemetry/api') throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
    return resolve.call(this, request, ...rest);
  };
}

if (mode === 'sdk') registerSdk();

function registerSdk(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { context, metrics, propagation, trace } = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { BasicTracerProvider, InMemorySpanExporter, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, AggregationTemporality } = require('@opentelemetry/sdk-metrics') as typeof import('@opentelemetry/sdk-metrics');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const spans = new InMemorySpanExporter();
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.DELTA);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(spans)] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 1000 })] }));
  setInterval(() => {
    spans.reset();
    metricExporter.reset();
  }, 1000).unref();
}
