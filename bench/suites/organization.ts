import { freshPostgresDatabases } from '../lib/databases';
import { isSkipped, startServer } from '../lib/child-server';
import { measure, type LoadResult } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import type { Table } from '../lib/table';
import { gain } from '../lib/table';

/** Members of the benched organization: better-auth's default page of get-full-organization. */
const MEMBERS = 100;
/** Teams of the organization in the list-teams scenario (the default team included). */
const TEAMS = 100;

/** One scenario's figures for both libraries (a string when it was skipped). */
export interface ScenarioResult {
  ours: LoadResult | string;
  theirs: LoadResult | string;
}

export interface OrganizationResult extends ScenarioResult {
  members: number;
  teams: number;
  listTeams: ScenarioResult;
}

/**
 * On PostgreSQL, ours vs better-auth's organization plugin, each on a fresh database with the same cookie flow
 * and the same autocannon load: GET /organization/get-full-organization of a 100-member organization (teams
 * off), and GET /organization/list-teams of an organization with 100 teams (teams on).
 */
export async function runOrganization(options: BenchOptions): Promise<OrganizationResult> {
  const urls = await freshPostgresDatabases(['org_ours', 'org_theirs', 'teams_ours', 'teams_theirs'] as const);
  if (typeof urls === 'string') return { members: MEMBERS, teams: TEAMS, ours: urls, theirs: urls, listTeams: { ours: urls, theirs: urls } };
  const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  const run = async (scenario: string, file: string, url: string, teams: number): Promise<LoadResult | string> => {
    console.log(`  … organization: ${scenario}, ${file.includes('better-auth') ? 'better-auth' : 'ours'}`);
    const server = await startServer({ file, args: [url, String(MEMBERS), String(teams)], startTimeoutMs: 120_000 });
    if (isSkipped(server)) return server.skipped;
    try {
      const path = `/api/auth/organization/${scenario}?organizationId=${encodeURIComponent(String(server.info.organizationId))}`;
      return await measure(server.url(path), { method: 'GET', headers: { cookie: server.info.cookie! } }, load);
    } finally {
      await server.stop();
    }
  };
  const [ours, theirs] = ['bench/servers/organization-ours.ts', 'bench/servers/organization-better-auth.mjs'];
  return {
    members: MEMBERS,
    teams: TEAMS,
    ours: await run('get-full-organization', ours, urls.org_ours, 0),
    theirs: await run('get-full-organization', theirs, urls.org_theirs, 0),
    listTeams: { ours: await run('list-teams', ours, urls.teams_ours, TEAMS), theirs: await run('list-teams', theirs, urls.teams_theirs, TEAMS) },
  };
}

/** One row per scenario: requests per second and p99 latency of each, and our gain. */
export function organizationTable(result: OrganizationResult): Table {
  const figures = (load: LoadResult | string) => (typeof load === 'string' ? [`skipped: ${load}`, ''] : [Math.round(load.rps).toLocaleString('en-US'), `${load.p99} ms`]);
  const row = (scenario: string, { ours, theirs }: ScenarioResult) => {
    const rpsGain = typeof ours === 'string' || typeof theirs === 'string' ? '' : (gain(ours.rps, theirs.rps, 'higher') ?? '');
    return [scenario, ...figures(ours), ...figures(theirs), rpsGain];
  };
  return {
    title: `organizations on PostgreSQL`,
    headers: ['scenario', 'ours req/s', 'ours p99', 'better-auth req/s', 'better-auth p99', 'gain'],
    rows: [row(`get-full-organization, ${result.members} members`, result), row(`list-teams with ${result.teams} teams`, result.listTeams)],
    notes: ['`npm run bench -- --only organization`; each library on a fresh database, one organization, the owner reading it (teams enabled for list-teams only).'],
  };
}
