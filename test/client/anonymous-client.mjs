// Drives better-auth's own `anonymousClient` (from `better-auth/client/plugins`) against a running server with our
// AnonymousPlugin: sign in anonymously, see isAnonymous in get-session, refuse a second anonymous sign-in, sign up
// from the anonymous session (the anonymous user is gone), and delete an anonymous user.
// Usage: BASE_URL=http://127.0.0.1:3000 node test/client/anonymous-client.mjs
// Prints one JSON line of what the client saw; an unexpected shape prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { anonymousClient } from 'better-auth/client/plugins';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`anonymous-client: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL) fail('BASE_URL is not set');

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

const newClient = () => createAuthClient({ baseURL: BASE_URL, plugins: [anonymousClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const errorOf = (result) => ({ status: result.error?.status, code: result.error?.code });
const results = {};

// --- sign in anonymously, look at the session, try again
const client = newClient();
const signedIn = await client.signIn.anonymous();
check(signedIn.error === null, 'signIn.anonymous', signedIn);
const anonymousUser = signedIn.data.user;
results.signIn = { keys: Object.keys(signedIn.data).sort(), token: typeof signedIn.data.token === 'string', isAnonymous: anonymousUser.isAnonymous, name: anonymousUser.name, email: anonymousUser.email };
const session = await client.getSession();
check(session.error === null, 'getSession', session);
results.session = { sameUser: session.data?.user?.id === anonymousUser.id, isAnonymous: session.data?.user?.isAnonymous };
results.again = errorOf(await client.signIn.anonymous());

// --- sign up from the anonymous session: a new user, the anonymous one gone
const email = `ann-${randomBytes(6).toString('hex')}@example.com`;
const signedUp = await client.signUp.email({ email, password: PASSWORD, name: 'Ann' });
check(signedUp.error === null, 'signUp.email', signedUp);
const after = await client.getSession();
results.signUp = { newUser: signedUp.data.user.id !== anonymousUser.id, isAnonymous: after.data?.user?.isAnonymous, email: after.data?.user?.email === email };
// The test looks this user up in the database after the script: it must be gone.
results.linkedAnonymousUserId = anonymousUser.id;
results.notAnonymous = errorOf(await client.deleteAnonymousUser());

// --- another browser: anonymous, then deleted
const other = newClient();
const guest = await other.signIn.anonymous();
check(guest.error === null, 'signIn.anonymous (second browser)', guest);
const deleted = await other.deleteAnonymousUser();
check(deleted.error === null, 'deleteAnonymousUser', deleted);
results.deleted = deleted.data;
results.deletedAnonymousUserId = guest.data.user.id;
results.afterDelete = (await other.getSession()).data;
results.errorCodes = Object.keys(anonymousClient().$ERROR_CODES);

process.stdout.write(`${JSON.stringify(results)}\n`);
