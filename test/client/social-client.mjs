// Drives better-auth's own client (`signIn.social`, `linkSocial`, `listAccounts`, `getAccessToken`,
// `refreshToken`) against a running server with the social plugin and a running oidc-provider.
// Usage: BASE_URL=… OIDC_ISSUER=… node test/client/social-client.mjs. Prints one JSON line; exits 1 on a surprise.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { jarFetchOptions } from './cookie-jar.mjs';

const { BASE_URL, OIDC_ISSUER } = process.env;

function fail(message) {
  process.stderr.write(`social-client: ${message}\n`);
  process.exit(1);
}
function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}
if (!BASE_URL || !OIDC_ISSUER) fail('BASE_URL and OIDC_ISSUER must be set');

/** The provider's pages, walked with their own cookies until they send the browser to our callback. */
async function throughProvider(url) {
  const cookies = new Map();
  let current = url;
  for (let hop = 0; hop < 10; hop += 1) {
    if (current.startsWith(`${BASE_URL}/api/auth/callback/`)) return new URL(current);
    const response = await fetch(current, { redirect: 'manual', headers: { cookie: [...cookies].map(([n, v]) => `${n}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0];
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = response.headers.get('location');
    check(location, `the provider stopped with ${response.status}`, await response.text());
    current = new URL(location, current).href;
  }
  fail('too many redirects at the provider');
}

/** Our callback, visited with the client's cookies (the state cookie in, the session cookie out). */
async function visitCallback(client, callback) {
  const answer = await client.$fetch(`${callback.pathname.replace('/api/auth', '')}${callback.search}`, { method: 'GET', redirect: 'manual' });
  return answer;
}

const suffix = randomBytes(4).toString('hex');
const sub = `client-${suffix}`;
const email = `${sub}@example.com`;
await fetch(`${OIDC_ISSUER}/__test/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, email, email_verified: true, name: 'Client Ada' }) });

const client = createAuthClient({ baseURL: BASE_URL, fetchOptions: jarFetchOptions(BASE_URL) });
const unknown = await client.signIn.social({ provider: 'nope', disableRedirect: true });
const started = await client.signIn.social({ provider: 'oidc', callbackURL: '/dashboard', disableRedirect: true, loginHint: sub });
check(started.error === null && typeof started.data?.url === 'string', 'signIn.social', started);
await visitCallback(client, await throughProvider(started.data.url));
const session = await client.getSession();
check(session.data?.user?.email === email, 'getSession after the callback', session);

const accounts = await client.listAccounts();
check(accounts.error === null && Array.isArray(accounts.data), 'listAccounts', accounts);
const token = await client.getAccessToken({ providerId: 'oidc' });
check(token.error === null, 'getAccessToken', token);
const refreshed = await client.refreshToken({ providerId: 'oidc' });
check(refreshed.error === null, 'refreshToken', refreshed);

// linkSocial from a password user with the same address at a second provider account.
const linkSub = `client-link-${suffix}`;
const linkEmail = `${linkSub}@example.com`;
await fetch(`${OIDC_ISSUER}/__test/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: linkSub, email: linkEmail, email_verified: true, name: 'Linker' }) });
const linker = createAuthClient({ baseURL: BASE_URL, fetchOptions: jarFetchOptions(BASE_URL) });
const signedUp = await linker.signUp.email({ email: linkEmail, password: 'correct horse battery staple', name: 'Linker' });
check(signedUp.error === null, 'signUp.email', signedUp);
const link = await linker.linkSocial({ provider: 'oidc', callbackURL: '/settings', disableRedirect: true, loginHint: linkSub });
check(link.error === null && typeof link.data?.url === 'string', 'linkSocial', link);
await visitCallback(linker, await throughProvider(link.data.url));
const linked = await linker.listAccounts();

process.stdout.write(
  `${JSON.stringify({
    unknownProvider: { status: unknown.error?.status, code: unknown.error?.code },
    started: { redirect: started.data.redirect, providerOrigin: new URL(started.data.url).origin },
    session: { email: session.data.user.email, name: session.data.user.name },
    accounts: accounts.data.map((account) => Object.keys(account).sort().join(',') + '|' + account.providerId),
    accessToken: { isString: typeof token.data.accessToken === 'string', scopes: token.data.scopes },
    refreshed: { changed: refreshed.data.accessToken !== token.data.accessToken, providerId: refreshed.data.providerId },
    linked: linked.data.map((account) => account.providerId).sort(),
  })}\n`,
);
