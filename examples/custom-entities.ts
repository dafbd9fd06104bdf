/**
 * The custom-entities example: an app's own seven entity classes, driven through the real HTTP API
 * (`auth.handler`, Web Request in, Response out).
 *   npm run example                    the embedded memory adapter
 *   npm run example -- --db sqlite     a SQLite file in a temp folder
 *   DATABASE_URL=postgres://… npm run example
 */
import 'reflect-metadata';
import { createAuth, type AppDatabase } from './create-auth';
import { openDatabase } from './open-database';

let auth: ReturnType<typeof createAuth>['auth'];
let database: AppDatabase;
const base = 'http://localhost:3000/api/auth';
const origin = 'http://localhost:3000';

/** Calls one route the way a browser or the official client would, and returns status and JSON. */
async function call(method: 'GET' | 'POST', path: string, options: { body?: unknown; cookie?: string; bearer?: string } = {}) {
  const headers = new Headers({ origin });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  const response = await auth.handler(
    new Request(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
  );
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, json: (await response.json()) as any, cookie: setCookie ? setCookie.split(';')[0] : undefined };
}

function step(n: number, text: string): void {
  console.log(`\n${n}. ${text}`);
}

/** A rerun on the same SQL database starts clean: the demo user and organization of a previous run go first. */
async function removePreviousRun(): Promise<void> {
  const previous = await database.getUserByEmail('ada@example.com');
  if (previous) await database.deleteUser(previous.id);
  const org = await database.getOrganizationBySlug('analytical-engines');
  if (org) await database.deleteOrganization(org.id);
}

async function main(): Promise<void> {
  const opened = await openDatabase(process.argv.slice(2), process.env);
  database = opened.database;
  auth = createAuth({ database }).auth;
  console.log(`Storage: ${opened.description}`);
  await removePreviousRun();

  const credentials = { email: 'ada@example.com', password: 'correct horse battery staple' };

  step(1, 'Sign up (laptop)');
  const signUp = await call('POST', '/sign-up/email', { body: { ...credentials, name: 'Ada Lovelace', plan: 'enterprise' } });
  console.log(`   status ${signUp.status}; user ${signUp.json.user.email}, name "${signUp.json.user.name}", plan ${signUp.json.user.plan}`);
  console.log('   (the body asked for plan "enterprise"; plan is not an input field, so the default "free" was stored)');
  const laptopCookie = signUp.cookie!;

  step(2, 'Sign in from a second device (phone, Bearer token)');
  const signIn = await call('POST', '/sign-in/email', { body: credentials });
  console.log(`   status ${signIn.status}; redirect ${signIn.json.redirect}; token issued: ${typeof signIn.json.token === 'string'}`);
  const phoneToken: string = signIn.json.token;

  step(3, 'Get the session (laptop cookie)');
  const session = await call('GET', '/get-session', { cookie: laptopCookie });
  console.log(`   status ${session.status}; user ${session.json.user.email}; plan: ${session.json.user.plan}; device: ${session.json.session.deviceLabel}`);

  step(4, 'List sessions');
  const sessions = await call('GET', '/list-sessions', { bearer: phoneToken });
  console.log(`   status ${sessions.status}; sessions: ${sessions.json.length}`);

  step(5, 'Revoke the other sessions (from the phone)');
  const revoked = await call('POST', '/revoke-other-sessions', { bearer: phoneToken });
  console.log(`   status ${revoked.status}; revoked: ${revoked.json.count}`);
  const laptopAfter = await call('GET', '/get-session', { cookie: laptopCookie });
  console.log(`   the laptop's get-session now answers ${laptopAfter.status} ${JSON.stringify(laptopAfter.json)}`);

  step(6, 'Sign out (phone)');
  const signOut = await call('POST', '/sign-out', { bearer: phoneToken });
  console.log(`   status ${signOut.status}; success: ${signOut.json.success}`);

  step(7, 'Get the session after sign-out');
  const after = await call('GET', '/get-session', { bearer: phoneToken });
  console.log(`   status ${after.status}; session ${JSON.stringify(after.json)}`);

  step(8, 'Organization, member and invitation through the adapter');
  const userId: string = signUp.json.user.id;
  const org = await database.createOrganization({ name: 'Analytical Engines', slug: 'analytical-engines', billingEmail: 'billing@example.com' });
  const member = await database.createMember({ organizationId: org.id, userId, role: 'owner' });
  const invitation = await database.createInvitation({
    organizationId: org.id,
    email: 'charles@example.com',
    inviterId: userId,
    expiresAt: new Date(Date.now() + 48 * 3600 * 1000),
  });
  console.log(`   organization "${org.name}" (${org.slug}), billing ${org.billingEmail}`);
  console.log(`   member role: ${member.role}; members: ${await database.countMembers(org.id)}`);
  console.log(`   invitation to ${invitation.email}: ${invitation.status}`);

  step(9, 'Verification record (single use)');
  await database.createVerification({ identifier: 'example:token', value: userId, expiresAt: new Date(Date.now() + 3600 * 1000) });
  const first = await database.consumeVerification('example:token');
  const second = await database.consumeVerification('example:token');
  console.log(`   first consume: ${first ? 'found' : 'none'}; second consume: ${second ? 'found' : 'none'}`);

  const user = await database.getUserById(userId);
  console.log(`\nStored user is an ${user?.constructor.name}: displayName "${user?.displayName}", plan ${user?.plan}`);
  console.log('\nDone: all seven entity kinds exercised.');
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
