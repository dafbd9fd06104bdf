import { isSkipped, startServer, type RunningServer, type ServerSpec } from '../lib/child-server';
import { measure, type LoadOptions, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { getSession } from '../lib/scenarios';
import type { Table } from '../lib/table';

/** The ways our server meets OpenTelemetry (bench/servers/otel-mode.ts), plus the `--baseline` checkout. */
const MODES = [
  ['absent', 'ours, no @opentelemetry/api installed (today\'s figure)'],
  ['api', 'ours, API alone (no SDK registered)'],
  ['sdk', 'ours, SDK + in-memory exporters registered'],
] as const;

export interface TelemetryRow {
  label: string;
  result: LoadResult | { skipped: string };
}

/**
 * get-session on the memory backend with the telemetry off, with the API alone and with the SDK recording,
 * in interleaved rounds (median kept) so a busy minute on a shared machine hits one round of each. The issue's
 * bar: the API alone within 3% of the first row.
 */
export async function runTelemetry(options: BenchOptions): Promise<TelemetryRow[]> {
  const specs: Array<[string, ServerSpec]> = MODES.map(([mode, label]) => [label, { file: 'bench/servers/ours.ts', args: ['memory'], env: { BENCH_OTEL: mode } }]);
  if (options.baseline) specs.push(['baseline checkout (--baseline)', { file: 'bench/servers/ours.ts', args: ['memory'], cwd: options.baseline }]);
  const servers: Array<[string, RunningServer]> = [];
  const rows: TelemetryRow[] = [];
  try {
    for (const [label, spec] of specs) {
      const server = await startServer(spec);
      if (isSkipped(server)) rows.push({ label, result: { skipped: server.skipped } });
      else servers.push([label, server]);
    }
    const load: LoadOptions = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
    console.log(`  … telemetry: get-session, ${options.rounds} rounds of ${servers.length} servers`);
    const runs = new Map<string, LoadResult[]>();
    for (let round = 0; round < options.rounds; round++) {
      for (const [label, server] of servers) {
        const result = await measure(server.url('/api/auth/get-session'), getSession(server.info.cookie!), round === 0 ? load : { ...load, warmupSeconds: 0 });
        runs.set(label, [...(runs.get(label) ?? []), result]);
      }
    }
    for (const [label] of servers) rows.push({ label, result: median(runs.get(label)!) });
  } finally {
    for (const [, server] of servers) await server.stop();
  }
  return rows;
}

export function telemetryTable(rows: readonly TelemetryRow[], connections: number): Table {
  const reference = rows.find((row) => row.label.includes("today's figure"))?.result;
  const base = reference && 'rps' in reference ? reference : null;
  return {
    title: `get-session with OpenTelemetry (memory backend, ${connections} connections)`,
    headers: ['server', 'req/s', 'vs today', 'p50 ms', 'p99 ms', 'CPU µs/req', 'CPU vs today'],
    rows: rows.map(({ label, result }) => {
      if (!('rps' in result)) return [label, `skipped — ${result.skipped}`, null, null, null, null, null];
      const change = (value: number, reference: number | undefined) => (reference ? `${((value / reference - 1) * 100).toFixed(1)}%` : null);
      return [label, result.rps, change(result.rps, base?.rps), result.p50, result.p99, result.cpuMicrosPerRequest, change(result.cpuMicrosPerRequest, base?.cpuMicrosPerRequest)];
    }),
    notes: [
      'Same run, interleaved rounds, median kept. "today\'s figure" is this code with `@opentelemetry/api` not resolvable (every span and metric skipped at a null check); `--baseline` adds the code before the change.',
      'The bar (issue 30): the API alone within 3% of today. CPU µs/req moves least on a shared machine.',
    ],
  };
}

function median(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
}
