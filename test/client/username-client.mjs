// Drives better-auth's own `usernameClient` (from `better-auth/client/plugins`) against a running server with
// the username plugin. Usage: BASE_URL=http://127.0.0.1:3000 node test/client/username-client.mjs
// Prints one JSON line of what the client saw; any unexpected shape prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { usernameClient } from 'better-auth/client/plugins';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`username-client: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL) fail('BASE_URL is not set');

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

const client = createAuthClient({ baseURL: BASE_URL, plugins: [usernameClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const suffix = randomBytes(4).toString('hex');
const username = `Ada_${suffix}`;
const email = `ada-${suffix}@example.com`;

const available = await client.isUsernameAvailable({ username });
check(available.error === null && available.data?.available === true, 'isUsernameAvailable before sign-up', available);
const signUp = await client.signUp.email({ email, password: PASSWORD, name: 'Ada', username });
check(signUp.error === null && signUp.data?.user?.username === username.toLowerCase(), 'signUp.email with a username', signUp);
const taken = await client.isUsernameAvailable({ username: username.toUpperCase() });
const short = await client.isUsernameAvailable({ username: 'ab' });
const wrong = await client.signIn.username({ username, password: 'not the password at all' });
const signIn = await client.signIn.username({ username: username.toUpperCase(), password: PASSWORD });
check(signIn.error === null, 'signIn.username', signIn);
const session = await client.getSession();
check(session.error === null, 'getSession after signIn.username', session);

process.stdout.write(
  `${JSON.stringify({
    signUp: { username: signUp.data.user.username, displayUsername: signUp.data.user.displayUsername },
    takenAfterSignUp: taken.data?.available,
    tooShort: { status: short.error?.status, code: short.error?.code },
    wrongPassword: { status: wrong.error?.status, code: wrong.error?.code },
    signIn: { token: typeof signIn.data.token === 'string', redirect: signIn.data.redirect, userId: signIn.data.user.id === signUp.data.user.id },
    session: { username: session.data?.user?.username, signedIn: Boolean(session.data?.session) },
    errorCodes: Object.keys(usernameClient().$ERROR_CODES ?? {}),
  })}\n`,
);
