import { freshPostgresDatabases } from '../lib/databases';
import { isSkipped, startServer } from '../lib/child-server';
import { measure, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import type { Table } from '../lib/table';
import { gain } from '../lib/table';

/** Members of the benched organization: better-auth's default page of get-full-organization. */
const MEMBERS = 100;

export interface OrganizationResult {
  members: number;
  ours: LoadResult | string;
  theirs: LoadResult | string;
}

/**
 * GET /organization/get-full-organization of a 100-member organization on PostgreSQL, ours vs better-auth's
 * organization plugin: each on a fresh database, the same cookie flow, the same autocannon load.
 */
export async function runOrganization(options: BenchOptions): Promise<OrganizationResult> {
  const urls = await freshPostgresDatabases(['org_ours', 'org_theirs'] as const);
  if (typeof urls === 'string') return { members: MEMBERS, ours: urls, theirs: urls };
  const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  const run = async (file: string, url: string): Promise<LoadResult | string> => {
    console.log(`  … organization: get-full-organization, ${file.includes('better-auth') ? 'better-auth' : 'ours'}`);
    const server = await startServer({ file, args: [url, String(MEMBERS)], startTimeoutMs: 120_000 });
    if (isSkipped(server)) return server.skipped;
    try {
      const path = `/api/auth/organization/get-full-organization?organizationId=${encodeURIComponent(String(server.info.organizationId))}`;
      return await measure(server.url(path), { method: 'GET', headers: { cookie: server.info.cookie! } }, load);
    } finally {
      await server.stop();
    }
  };
  return {
    members: MEMBERS,
    ours: await run('bench/servers/organization-ours.ts', urls.org_ours),
    theirs: await run('bench/servers/organization-better-auth.mjs', urls.org_theirs),
  };
}

/** One row: requests per second and p99 latency of each, and our gain. */
export function organizationTable(result: OrganizationResult): Table {
  const figures = (load: LoadResult | string) => (typeof load === 'string' ? [`skipped: ${load}`, ''] : [Math.round(load.rps).toLocaleString('en-US'), `${load.p99} ms`]);
  const [oursRps, oursP99] = figures(result.ours);
  const [theirsRps, theirsP99] = figures(result.theirs);
  const rpsGain = typeof result.ours === 'string' || typeof result.theirs === 'string' ? '' : (gain(result.ours.rps, result.theirs.rps, 'higher') ?? '');
  return {
    title: `get-full-organization, ${result.members} members, PostgreSQL`,
    headers: ['scenario', 'ours req/s', 'ours p99', 'better-auth req/s', 'better-auth p99', 'gain'],
    rows: [['get-full-organization', oursRps, oursP99, theirsRps, theirsP99, rpsGain]],
    notes: ['`npm run bench -- --only organization`; each library on a fresh database, one organization, the owner reading it.'],
  };
}
