import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** One metric data point, flattened: the instrument, its attributes and its value (a number, or a histogram's count). */
export interface MetricPoint {
  name: string;
  unit: string;
  attributes: Record<string, unknown>;
  value: number;
}

/**
 * The OpenTelemetry SDK registered globally as an app would (tracer provider, AsyncLocalStorage context
 * manager, W3C propagator, meter provider), exporting into memory so a test reads every span and point.
 */
export function registerOtelSdk() {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(tracerProvider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.DELTA);
  // Exports only when the test flushes it.
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));

  return {
    /** Spans finished since the last `reset()`. */
    spans: (): ReadableSpan[] => spanExporter.getFinishedSpans(),
    /** Forgets recorded spans; metric points are deltas, so each `points()` sees what happened since the last. */
    reset: () => spanExporter.reset(),
    /** The metric points recorded since the previous call. */
    async points(): Promise<MetricPoint[]> {
      metricExporter.reset();
      await reader.forceFlush();
      return metricExporter.getMetrics().flatMap((resource) =>
        resource.scopeMetrics.flatMap((scope) =>
          scope.metrics.flatMap((metric) =>
            metric.dataPoints.map((point) => ({
              name: metric.descriptor.name,
              unit: metric.descriptor.unit,
              attributes: { ...point.attributes },
              value: typeof point.value === 'number' ? point.value : (point.value as { count: number }).count,
            })),
          ),
        ),
      );
    },
    async shutdown(): Promise<void> {
      await tracerProvider.shutdown();
      await reader.shutdown();
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}

export type OtelSdk = ReturnType<typeof registerOtelSdk>;

/** The spans of one trace, by name, for assertions that read like the README's list. */
export function spansNamed(spans: readonly ReadableSpan[], name: string | RegExp): ReadableSpan[] {
  return spans.filter((span) => (typeof name === 'string' ? span.name === name : name.test(span.name)));
}

/** The points of one instrument whose attributes include `attributes`. */
export function pointsOf(points: readonly MetricPoint[], name: string, attributes: Record<string, unknown> = {}): MetricPoint[] {
  return points.filter((point) => point.name === name && Object.entries(attributes).every(([key, value]) => point.attributes[key] === value));
}

/** The sum of the matching points' values. */
export function total(points: readonly MetricPoint[], name: string, attributes: Record<string, unknown> = {}): number {
  return pointsOf(points, name, attributes).reduce((sum, point) => sum + point.value, 0);
}
