// Lets better-auth 1.7 itself create and fill a database, as a live app would have it before moving in: its own
// migration API creates the tables, then browsers (better-auth's own client, each with a cookie jar) sign up, turn on
// two-factor, create an organization, invite. Prints one JSON line: the cookies each browser holds, the TOTP URI and
// backup codes the two-factor user saved, and the ids involved. Then it stops, as the app would before adoption.
// Usage: node test/adoption/better-auth-fill.mjs <sqlite-file | postgres-url> <secret>
import { createServer } from 'node:http';
import { createAuthClient } from 'better-auth/client';
import { organizationClient, twoFactorClient } from 'better-auth/client/plugins';
import { betterAuth } from 'better-auth';
import { symmetricEncrypt } from 'better-auth/crypto';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { cookieJar } from '../client/cookie-jar.mjs';
import { organization, twoFactor } from 'better-auth/plugins';
import { passkey } from '@better-auth/passkey';
import { URI } from 'otpauth';

const [target, secret] = process.argv.slice(2);
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`better-auth-fill: ${message}\n`);
  process.exit(1);
}
if (!target || !secret) fail('usage: better-auth-fill.mjs <sqlite-file | postgres-url> <secret>');

async function database() {
  if (target.startsWith('postgres')) {
    const { default: pg } = await import('pg');
    return new pg.Pool({ connectionString: target, max: 2 });
  }
  const { default: Database } = await import('better-sqlite3');
  return new Database(target);
}

const db = await database();
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseURL = `http://127.0.0.1:${server.address().port}`;
const options = {
  secret,
  baseURL,
  database: db,
  emailAndPassword: { enabled: true },
  account: { encryptOAuthTokens: true },
  plugins: [twoFactor({ issuer: 'Acme' }), organization(), passkey({ rpID: '127.0.0.1' })],
  rateLimit: { enabled: false },
  logger: { disabled: true },
};
const { runMigrations } = await getMigrations(options);
await runMigrations();
const auth = betterAuth(options);
server.on('request', toNodeHandler(auth));

/** One browser: better-auth's client with a cookie jar we can print afterwards. */
function browser() {
  const { fetchOptions, cookie } = cookieJar(baseURL);
  const client = createAuthClient({ baseURL, plugins: [twoFactorClient(), organizationClient()], fetchOptions });
  return { client, cookie };
}

function ok(step, result) {
  if (result.error) fail(`${step}: ${JSON.stringify(result.error)}`);
  return result.data;
}

const stamp = Date.now().toString(36);
const people = {};
for (const name of ['alice', 'bob', 'carol', 'dave']) {
  const person = browser();
  const email = `${name}-${stamp}@example.com`;
  const signedUp = ok(`${name} signs up`, await person.client.signUp.email({ email, password: PASSWORD, name }));
  people[name] = { ...person, email, userId: signedUp.user.id };
}

// alice owns an organization; bob is a member (accepted); carol has a pending invitation.
const { alice, bob, carol, dave } = people;
const org = ok('alice creates an organization', await alice.client.organization.create({ name: 'Acme', slug: `acme-${stamp}` }));
const bobInvite = ok('alice invites bob', await alice.client.organization.inviteMember({ email: bob.email, role: 'member', organizationId: org.id }));
ok('bob accepts', await bob.client.organization.acceptInvitation({ invitationId: bobInvite.id }));
ok('bob makes it active', await bob.client.organization.setActive({ organizationId: org.id }));
const carolInvite = ok('alice invites carol', await alice.client.organization.inviteMember({ email: carol.email, role: 'admin', organizationId: org.id }));

// dave turns on two-factor with an authenticator app and keeps his backup codes.
const enabled = ok('dave enables two-factor', await dave.client.twoFactor.enable({ password: PASSWORD }));
const totp = URI.parse(enabled.totpURI);
ok('dave verifies his first code', await dave.client.twoFactor.verifyTotp({ code: totp.generate() }));

// alice linked GitHub once: a social account row with provider tokens sealed as `encryptOAuthTokens` seals them.
const context = await auth.$context;
await context.internalAdapter.createAccount({
  userId: alice.userId,
  providerId: 'github',
  accountId: `gh-${stamp}`,
  accessToken: await symmetricEncrypt({ key: secret, data: 'gho_alice_access' }),
  refreshToken: await symmetricEncrypt({ key: secret, data: 'ghr_alice_refresh' }),
  scope: 'read:user,user:email',
});

// bob registered a passkey once: its row as better-auth's passkey plugin writes it (no authenticator here).
const passkeyRow = await context.adapter.create({
  model: 'passkey',
  data: { name: 'bob laptop', publicKey: 'pQECAyYgASFYIA', userId: bob.userId, credentialID: `cred-${stamp}`, counter: 3, deviceType: 'singleDevice', backedUp: false, transports: 'internal', createdAt: new Date() },
});

// carol proved her address (listing one's invitations needs it, in better-auth as here).
await context.internalAdapter.updateUser(carol.userId, { emailVerified: true });

// A second session of alice's on another browser, signed in later: both cookies must survive.
const aliceLaptop = browser();
ok('alice signs in on her laptop', await aliceLaptop.client.signIn.email({ email: alice.email, password: PASSWORD }));

const active = ok('bob reads his active organization', await bob.client.organization.getFullOrganization());
if (active?.id !== org.id) fail(`bob's active organization is ${active?.id}`);

process.stdout.write(
  `${JSON.stringify({
    baseURL,
    organizationId: org.id,
    carolInvitationId: carolInvite.id,
    bobPasskeyId: passkeyRow.id,
    totpURI: enabled.totpURI,
    totpStep: Math.floor(Date.now() / 30_000),
    backupCodes: enabled.backupCodes,
    people: Object.fromEntries(
      Object.entries({ ...people, aliceLaptop: { ...aliceLaptop, email: alice.email, userId: alice.userId } }).map(([name, person]) => [
        name,
        { email: person.email, userId: person.userId, cookie: person.cookie() },
      ]),
    ),
  })}\n`,
);
server.close();
server.closeAllConnections?.();
if (typeof db.end === 'function') await db.end();
else db.close();
