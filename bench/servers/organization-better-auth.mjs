/**
 * Better Auth 1.7 with its organization plugin on PostgreSQL, for the organization benches: one organization
 * of N members (users made through its internal adapter, members through its server API) and, when T > 0, its
 * teams enabled with T teams (its default team included, the rest through its server API).
 * Usage: node bench/servers/organization-better-auth.mjs <databaseUrl> <members> [teams]
 * Prints `READY {"port", "cookie", "organizationId"}`.
 */
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { organization } from 'better-auth/plugins';
import pg from 'pg';
import { BENCH_EMAIL, BENCH_PASSWORD, BETTER_AUTH_OPTIONS, announceReady, withLoopProbe } from './protocol.cjs';

const [url, members = '100', teams = '0'] = process.argv.slice(2);
const options = {
  ...BETTER_AUTH_OPTIONS,
  database: new pg.Pool({ connectionString: url, max: 10 }),
  plugins: [organization({ membershipLimit: Math.max(100, Number(members)), teams: { enabled: Number(teams) > 0 } })],
};
await (await getMigrations(options)).runMigrations();
const auth = betterAuth(options);
const signUp = await auth.api.signUpEmail({ body: { email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' }, returnHeaders: true });
const cookie = signUp.headers.get('set-cookie').split(';')[0];
const headers = new Headers({ cookie });
const created = await auth.api.createOrganization({ body: { name: 'Bench', slug: 'bench' }, headers });
const context = await auth.$context;
for (let i = 1; i < Number(members); i++) {
  const user = await context.internalAdapter.createUser({ email: `member-${i}@example.com`, name: `Member ${i}`, emailVerified: false });
  await auth.api.addMember({ body: { userId: user.id, role: 'member', organizationId: created.id } });
}
for (let i = 1; i < Number(teams); i++) await auth.api.createTeam({ body: { name: `Team ${i}`, organizationId: created.id }, headers });
const server = createServer(withLoopProbe(toNodeHandler(auth)));
server.listen(0, '127.0.0.1', () => announceReady(server, { cookie, organizationId: created.id }));
