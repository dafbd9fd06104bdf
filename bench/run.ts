/**
 * `npm run bench [-- --only memory,sqlite,postgres,postgres-redis,scale,event-loop,cluster,flood,organization,telemetry,api-key,jwt] [--duration 10]`
 *
 * Runs the selected sections one after another on this machine, prints one Markdown table per section plus the
 * issue's targets, and writes everything as JSON to bench/results/ (latest.json and a dated copy).
 * See bench/README.md for what each figure means.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { clusterTable } from './lib/cluster-table';
import { comparisonTable } from './lib/comparison-table';
import { eventLoopTable } from './lib/event-loop-table';
import { floodTable } from './lib/flood-table';
import { describeMachine, machineLine } from './lib/machine';
import { parseOptions } from './lib/options';
import { scaleTable } from './lib/scale-table';
import { renderTable, type Table } from './lib/table';
import { targetsTable, type AllResults } from './lib/targets';
import { apiKeyTable, runApiKey } from './suites/api-key';
import { runCluster } from './suites/cluster';
import { runComparison, type Backend } from './suites/comparison';
import { runEventLoop } from './suites/event-loop';
import { runFlood } from './suites/flood';
import { jwtTable, runJwt } from './suites/jwt';
import { organizationTable, runOrganization } from './suites/organization';
import { runScale } from './suites/scale';
import { runTelemetry, telemetryTable } from './suites/telemetry';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  const started = Date.now();
  console.log(`bench: ${[...options.sections].join(', ')} · ${options.durationSeconds} s per run after ${options.warmupSeconds} s warm-up`);
  const tables: Table[] = [];
  const results: AllResults = {};

  const backends = (['memory', 'sqlite', 'postgres', 'postgres-redis'] as const).filter((backend) => options.sections.has(backend)) as Backend[];
  if (backends.length > 0) {
    const comparison = await runComparison(options, backends);
    results.comparison = comparison;
    tables.push(comparisonTable(comparison, options.connections));
  }

  if (options.sections.has('scale')) {
    const scale = await runScale(options);
    results.scale = scale;
    tables.push(scaleTable(scale, options.connections));
  }

  if (options.sections.has('event-loop')) {
    const eventLoop = await runEventLoop(options);
    results.eventLoop = eventLoop;
    tables.push(eventLoopTable(eventLoop, options.connections));
  }

  if (options.sections.has('cluster')) {
    results.cluster = await runCluster(options);
    tables.push(clusterTable(results.cluster, options.connections, machine.cores));
  }

  if (options.sections.has('flood')) {
    results.flood = await runFlood(options);
    tables.push(floodTable(results.flood));
  }

  if (options.sections.has('organization')) tables.push(organizationTable(await runOrganization(options)));

  if (options.sections.has('telemetry')) tables.push(telemetryTable(await runTelemetry(options), options.connections));

  if (options.sections.has('api-key')) tables.push(apiKeyTable(await runApiKey(options)));
  if (options.sections.has('jwt')) tables.push(jwtTable(await runJwt(options)));

  const targets = targetsTable(results);
  if (targets.rows.length > 0) tables.push(targets);
  machine.loadAfter = Number(loadavg()[0].toFixed(2));
  const output = [`Measured ${machineLine(machine)} · ${Math.round((Date.now() - started) / 1000)} s`, ...tables.map(renderTable)].join('\n\n');
  console.log(`\n${output}`);
  writeResults({ machine, options: { ...options, sections: [...options.sections] }, results, markdown: output });
}

function writeResults(report: object): void {
  const directory = join(__dirname, 'results');
  mkdirSync(directory, { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(join(directory, 'latest.json'), text);
  writeFileSync(join(directory, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), text);
  console.log(`\nwritten: bench/results/latest.json`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
