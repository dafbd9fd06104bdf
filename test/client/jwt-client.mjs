// Drives better-auth's own `jwtClient` (from `better-auth/client/plugins`) against a running server with our
// JwtPlugin: `token()`, `jwks()`, and the `set-auth-jwt` header of get-session read through fetch options. Each
// JWT is checked with jose against the key set `jwks()` answered. Usage: BASE_URL=http://127.0.0.1:3000 node test/client/jwt-client.mjs
// Prints one JSON line of what the client saw (the tokens included, for the test to verify remotely).
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { jwtClient } from 'better-auth/client/plugins';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;

function fail(message) {
  process.stderr.write(`jwt-client: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL) fail('BASE_URL is not set');

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

const newClient = () => createAuthClient({ baseURL: BASE_URL, plugins: [jwtClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const results = {};

const signedOut = await newClient().token();
results.signedOutToken = { status: signedOut.error?.status, code: signedOut.error?.code };

const client = newClient();
const email = `jay-${randomBytes(6).toString('hex')}@example.com`;
const signUp = await client.signUp.email({ email, password: 'correct horse battery staple', name: 'Jay' });
check(signUp.error === null, 'signUp.email', signUp.error);

const token = await client.token();
check(token.error === null && typeof token.data?.token === 'string', 'token()', token);

const jwks = await client.jwks();
check(jwks.error === null && Array.isArray(jwks.data?.keys), 'jwks()', jwks);
results.jwks = jwks.data.keys.map((key) => ({ kid: typeof key.kid, alg: key.alg, kty: key.kty, crv: key.crv, private: 'd' in key }));

let headerJwt = null;
const session = await client.getSession({ fetchOptions: { onSuccess: (context) => { headerJwt = context.response.headers.get('set-auth-jwt'); } } });
check(session.error === null && session.data?.user?.email === email, 'getSession', session);
check(typeof headerJwt === 'string', 'get-session answered no set-auth-jwt');

const keySet = createLocalJWKSet(jwks.data);
const verify = async (jwt) => (await jwtVerify(jwt, keySet, { issuer: BASE_URL, audience: BASE_URL })).payload;
const fromToken = await verify(token.data.token);
const fromHeader = await verify(headerJwt);
results.tokenClaims = { sub: fromToken.sub === session.data.user.id, email: fromToken.email === email, lifetime: fromToken.exp - fromToken.iat };
results.headerClaims = { sub: fromHeader.sub === session.data.user.id, email: fromHeader.email === email };
results.sameKey = decodeProtectedHeader(token.data.token).kid === jwks.data.keys[0].kid;

// A JWT presented as a session Bearer token opens nothing.
const bearer = await createAuthClient({ baseURL: BASE_URL, plugins: [jwtClient()], fetchOptions: { auth: { type: 'Bearer', token: token.data.token } } }).getSession();
results.jwtAsBearer = bearer.data;

results.tokens = [token.data.token, headerJwt];
process.stdout.write(`${JSON.stringify(results)}\n`);
