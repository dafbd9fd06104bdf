/**
 * `npm run bench:nest [-- --duration 5 --warmup 2]`: get-session through a Nest app, ours (`AuthModule`) vs
 * better-auth mounted in Nest the way its users do, on Nest's Express and Fastify platforms, each next to a
 * trivial route on the same platform (the framework's own ceiling). Memory adapters on both sides, so the
 * table shows what the integration and the framework cost, not the database. See bench/servers/nest.ts.
 */
import { startServer, type RunningServer } from './lib/child-server';
import { measure, type LoadResult } from './lib/load';
import { parseOptions } from './lib/options';
import { getSession } from './lib/scenarios';
import { gain, renderTable, type Table } from './lib/table';

const PLATFORMS = ['express', 'fastify'] as const;
const CONTENDERS = ['ours', 'better-auth'] as const;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  const rows: Table['rows'] = [];
  for (const platform of PLATFORMS) {
    const figures: Partial<Record<(typeof CONTENDERS)[number], { session: LoadResult; trivial: LoadResult }>> = {};
    for (const contender of CONTENDERS) {
      const server = (await startServer({ file: 'bench/servers/nest.ts', args: [contender, platform] })) as RunningServer;
      try {
        const session = await measure(server.url('/api/auth/get-session'), getSession(String(server.info.cookie)), load);
        const trivial = await measure(server.url('/trivial'), { method: 'GET' }, load);
        figures[contender] = { session, trivial };
        rows.push([`${contender} · Nest ${platform}`, session.rps, session.p99, session.cpuMicrosPerRequest, trivial.rps, Math.round((session.rps / trivial.rps) * 100), session.non2xx + session.errors]);
      } finally {
        await server.stop();
      }
    }
    rows.push([`ours ÷ better-auth · Nest ${platform}`, gain(figures.ours?.session.rps, figures['better-auth']?.session.rps, 'higher'), null, null, null, null, null]);
  }
  console.log(
    renderTable({
      title: `get-session through Nest (${options.connections} connections, ${options.durationSeconds} s)`,
      headers: ['server', 'get-session req/s', 'p99 ms', 'CPU µs/req', 'trivial route req/s', '% of trivial', 'non-2xx'],
      rows,
      notes: ['memory adapters on both sides; "% of trivial" is get-session req/s over the same app\'s trivial route req/s'],
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
