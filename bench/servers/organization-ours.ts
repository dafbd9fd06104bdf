/**
 * Our auth with the organization plugin on PostgreSQL, for the organization benches: one organization of N
 * members (users written straight through the adapter) and, when T > 0, teams enabled with T teams (the
 * default one included, the rest written straight through the plugin's records).
 * Usage: organization-ours.ts <databaseUrl> <members> [teams]
 * Prints `READY {"port", "cookie", "organizationId"}`.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { BetterAuth, toNodeHandler } from 'better-auth-entities';
import { EmailPasswordPlugin, OrganizationPlugin } from 'better-auth-entities/plugins';
import { openSqlAdapter } from './sql-adapter';
import { BENCH_EMAIL, BENCH_ORIGIN, BENCH_PASSWORD, BENCH_SECRET, announceReady, withLoopProbe } from './protocol.cjs';

async function main(): Promise<void> {
  const [url, members = '100', teams = '0'] = process.argv.slice(2);
  const adapter = await openSqlAdapter(url);
  if (typeof adapter === 'string') {
    console.log(`SKIP ${adapter}`);
    return;
  }
  const auth = new BetterAuth({ secret: BENCH_SECRET, baseURL: BENCH_ORIGIN }).database(adapter).plugin(new EmailPasswordPlugin()).plugin(new OrganizationPlugin({ teams: { enabled: Number(teams) > 0 } })).build();
  const { token, user } = await auth.api.signUpEmail({ email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' });
  const { organization } = await auth.api.organization.create({ userId: (user as { id: string }).id, name: 'Bench', slug: 'bench' });
  for (let i = 1; i < Number(members); i++) {
    const member = await adapter.createUser({ email: `member-${i}@example.com`, name: `Member ${i}` });
    await adapter.createMember({ organizationId: organization.id, userId: (member as { id: string }).id, role: 'member' });
  }
  for (let i = 1; i < Number(teams); i++) {
    const now = new Date();
    await auth.context.records('team').create({ name: `Team ${i}`, organizationId: organization.id, createdAt: now, updatedAt: now });
  }
  const cookie = `better-auth.session_token=${encodeURIComponent(auth.context.cookies.signed(token!))}`;
  const server = createServer(withLoopProbe(toNodeHandler(auth)));
  server.listen(0, '127.0.0.1', () => announceReady(server, { cookie, organizationId: organization.id }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
