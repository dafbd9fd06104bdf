// Drives better-auth's own `apiKeyClient` (from `@better-auth/api-key/client`) against a running server with the
// API-key plugin (sessions for keys on). Usage: BASE_URL=http://127.0.0.1:3000 node test/client/api-key-client.mjs
// Prints one JSON line of what the client saw; anything unexpected exits 1 with a message.
import { createAuthClient } from 'better-auth/client';
import { apiKeyClient } from '@better-auth/api-key/client';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const PASSWORD = 'correct horse battery staple';
if (!BASE_URL) {
  process.stderr.write('api-key-client: BASE_URL must be set\n');
  process.exit(1);
}

const client = createAuthClient({ baseURL: BASE_URL, plugins: [apiKeyClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const errorOf = (answer) => (answer.error ? { status: answer.error.status, code: answer.error.code } : null);
const results = {};

const email = `api-key-${Date.now()}@example.com`;
const signedUp = await client.signUp.email({ email, password: PASSWORD, name: 'Key Holder' });
if (signedUp.error) {
  process.stderr.write(`sign-up failed: ${JSON.stringify(signedUp.error)}\n`);
  process.exit(1);
}

const created = await client.apiKey.create({ name: 'ci', prefix: 'ci_', metadata: { team: 'ops' } });
const key = created.data?.key;
results.created = { error: errorOf(created), keyShape: /^ci_[A-Za-z]{64}$/.test(key ?? ''), name: created.data?.name, start: created.data?.start === key?.slice(0, 6), metadata: created.data?.metadata };
const id = created.data?.id;

const listed = await client.apiKey.list();
results.listed = { total: listed.data?.total, names: listed.data?.apiKeys?.map((k) => k.name), carriesKey: JSON.stringify(listed.data).includes(key.slice(6)) };

const got = await client.apiKey.get({ query: { id } });
results.got = { name: got.data?.name, carriesKey: JSON.stringify(got.data).includes(key.slice(6)) };

const updated = await client.apiKey.update({ keyId: id, name: 'renamed' });
results.updated = updated.data?.name;

results.serverOnly = errorOf(await client.apiKey.create({ name: 'x', remaining: 5 }));

// A script holding only the key: a client with no cookie jar, the key in x-api-key.
const byKey = createAuthClient({ baseURL: BASE_URL, plugins: [apiKeyClient()], fetchOptions: { headers: { 'x-api-key': key } } });
const session = await byKey.getSession();
results.keySession = { email: session.data?.user?.email === email, echoesKey: JSON.stringify(session.data).includes(key) };
results.keyCannotMint = errorOf(await byKey.apiKey.create({ name: 'successor' }));

results.deleted = (await client.apiKey.delete({ keyId: id })).data;
results.afterDelete = (await client.apiKey.list()).data?.total;
results.deletedKeySession = errorOf(await byKey.getSession());
results.errorCodes = ['INVALID_API_KEY', 'KEY_NOT_FOUND', 'SERVER_ONLY_PROPERTY', 'USAGE_EXCEEDED', 'KEY_DISABLED', 'KEY_EXPIRED'].every((code) => code in (apiKeyClient().$ERROR_CODES ?? {}));
console.log(JSON.stringify(results));
