// After the move: better-auth's own client, with the cookies the browsers kept from better-auth, against our server
// on the adopted database. Usage: BASE_URL=… FILL='<better-auth-fill.mjs output>' node test/adoption/adopted-check.mjs
// Prints one JSON line of what the clients saw; a failed call prints a message on stderr and exits 1.
import { createAuthClient } from 'better-auth/client';
import { organizationClient, twoFactorClient } from 'better-auth/client/plugins';
import { passkeyClient } from '@better-auth/passkey/client';
import { URI } from 'otpauth';
import { cookieJar } from '../client/cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const fill = JSON.parse(process.env.FILL ?? 'null');
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`adopted-check: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL || !fill) fail('BASE_URL and FILL must be set');

/** A browser that still holds the cookie better-auth set. */
function browser(cookie) {
  return createAuthClient({
    baseURL: BASE_URL,
    plugins: [twoFactorClient(), organizationClient(), passkeyClient()],
    fetchOptions: cookieJar(BASE_URL, cookie).fetchOptions,
  });
}

const people = Object.fromEntries(Object.entries(fill.people).map(([name, person]) => [name, { ...person, client: browser(person.cookie) }]));
const statusOf = (result) => (result.error ? { status: result.error.status, code: result.error.code } : { status: 200 });

// Every old cookie answers its own user (twice: the first use converts the row, the second finds the digest).
const sessions = {};
for (const [name, person] of Object.entries(people)) {
  const first = await person.client.getSession();
  const second = await person.client.getSession();
  sessions[name] = { first: first.data?.user?.id ?? null, second: second.data?.user?.id ?? null, expected: person.userId, activeOrganizationId: second.data?.session?.activeOrganizationId ?? null };
}

// The organization, its members and the pending invitation, seen by their people.
const bobOrganizations = (await people.bob.client.organization.list()).data ?? [];
const bobActive = (await people.bob.client.organization.getFullOrganization()).data;
const aliceView = (await people.alice.client.organization.getFullOrganization({ query: { organizationId: fill.organizationId } })).data;
const carolInvitations = (await people.carol.client.organization.listUserInvitations()).data ?? [];

// bob's passkey, registered with better-auth, is listed.
const bobPasskeys = (await people.bob.client.passkey.listUserPasskeys()).data ?? [];

// A password sign-in on a fresh browser.
const fresh = browser('');
const signIn = await fresh.signIn.email({ email: people.alice.email, password: PASSWORD });
const freshSession = (await fresh.getSession()).data;

// dave's authenticator: the next code of the secret better-auth gave him; then an unused backup code, once.
const totp = URI.parse(fill.totpURI);
const daveBrowser = browser('');
const pending = (await daveBrowser.signIn.email({ email: people.dave.email, password: PASSWORD })).data;
const nextCode = totp.generate({ timestamp: Math.max(Date.now(), (fill.totpStep + 1) * 30_000) });
const totpVerified = await daveBrowser.twoFactor.verifyTotp({ code: nextCode });
const daveAfterTotp = (await daveBrowser.getSession()).data?.user?.id ?? null;
await daveBrowser.signOut();
await daveBrowser.signIn.email({ email: people.dave.email, password: PASSWORD });
const backupOnce = await daveBrowser.twoFactor.verifyBackupCode({ code: fill.backupCodes[3] });
const daveAfterBackup = (await daveBrowser.getSession()).data?.user?.id ?? null;
await daveBrowser.signOut();
await daveBrowser.signIn.email({ email: people.dave.email, password: PASSWORD });
const backupTwice = await daveBrowser.twoFactor.verifyBackupCode({ code: fill.backupCodes[3] });

process.stdout.write(
  `${JSON.stringify({
    sessions,
    bob: { organizations: bobOrganizations.map((organization) => organization.id), active: bobActive?.id ?? null, members: (bobActive?.members ?? []).map((member) => member.userId).sort() },
    alice: { invitations: (aliceView?.invitations ?? []).map((invitation) => ({ id: invitation.id, status: invitation.status })) },
    bobPasskeys: bobPasskeys.map((passkey) => ({ id: passkey.id, name: passkey.name, credentialID: passkey.credentialID })),
    carol: carolInvitations.map((invitation) => ({ id: invitation.id, organizationId: invitation.organizationId, status: invitation.status })),
    signIn: { ...statusOf(signIn), user: freshSession?.user?.id ?? null, plan: freshSession?.user?.plan ?? null },
    dave: {
      twoFactorRedirect: pending?.twoFactorRedirect ?? false,
      totp: statusOf(totpVerified),
      afterTotp: daveAfterTotp,
      backupOnce: statusOf(backupOnce),
      afterBackup: daveAfterBackup,
      backupTwice: statusOf(backupTwice),
    },
  })}\n`,
);
