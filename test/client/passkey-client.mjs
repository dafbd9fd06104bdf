// Drives better-auth's own `passkeyClient` (from `@better-auth/passkey/client`) against a running server with the
// passkey plugin. Usage: BASE_URL=http://127.0.0.1:3000 node test/client/passkey-client.mjs
// Node has no WebAuthn, so `navigator.credentials` is a small software authenticator here (ES256 keys signed with
// node:crypto, "none" attestation): the client's own @simplewebauthn/browser code turns its answers into the
// JSON it posts. Prints one JSON line of what the client saw; anything unexpected exits 1 with a message.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { createAuthClient } from 'better-auth/client';
import { passkeyClient } from '@better-auth/passkey/client';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const PASSWORD = 'correct horse battery staple';
if (!BASE_URL) {
  process.stderr.write('passkey-client: BASE_URL must be set\n');
  process.exit(1);
}

const sha256 = (data) => createHash('sha256').update(data).digest();
const bytes = (buffer) => Buffer.from(buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer);
const arrayBuffer = (buffer) => new Uint8Array(buffer).buffer;
const credentials = [];

function clientData(type, challenge) {
  return Buffer.from(JSON.stringify({ type, challenge: bytes(challenge).toString('base64url'), origin: BASE_URL, crossOrigin: false }));
}

function authenticatorHeader(rpId, flags, counter) {
  const counterBytes = Buffer.alloc(4);
  counterBytes.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), counterBytes]);
}

// A platform authenticator with user verification: what navigator.credentials does in a browser.
globalThis.PublicKeyCredential = class PublicKeyCredential {};
Object.defineProperty(globalThis, 'navigator', {
  configurable: true,
  value: {
    credentials: {
      async create({ publicKey }) {
        const excluded = (publicKey.excludeCredentials ?? []).map((c) => bytes(c.id).toString('base64url'));
        if (credentials.some((c) => excluded.includes(c.id.toString('base64url')))) throw new DOMException('already registered', 'InvalidStateError');
        const id = randomBytes(16);
        const { privateKey, publicKey: key } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const jwk = key.export({ format: 'jwk' });
        const cose = isoCBOR.encode(new Map([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x, 'base64url')], [-3, Buffer.from(jwk.y, 'base64url')]]));
        const idLength = Buffer.alloc(2);
        idLength.writeUInt16BE(id.length);
        const authData = Buffer.concat([authenticatorHeader(publicKey.rp.id, 0x45, 0), Buffer.alloc(16), idLength, id, Buffer.from(cose)]);
        credentials.push({ id, privateKey, counter: 0, userHandle: bytes(publicKey.user.id) });
        return {
          id: id.toString('base64url'),
          rawId: arrayBuffer(id),
          type: 'public-key',
          authenticatorAttachment: 'platform',
          getClientExtensionResults: () => ({}),
          response: {
            clientDataJSON: arrayBuffer(clientData('webauthn.create', publicKey.challenge)),
            attestationObject: arrayBuffer(isoCBOR.encode(new Map([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]))),
            getTransports: () => ['internal'],
          },
        };
      },
      async get({ publicKey }) {
        const allowed = (publicKey.allowCredentials ?? []).map((c) => bytes(c.id).toString('base64url'));
        const credential = credentials.findLast((c) => allowed.length === 0 || allowed.includes(c.id.toString('base64url')));
        if (!credential) throw new DOMException('no credential', 'NotAllowedError');
        credential.counter += 1;
        const authData = authenticatorHeader(publicKey.rpId, 0x05, credential.counter);
        const data = clientData('webauthn.get', publicKey.challenge);
        const signature = sign('sha256', Buffer.concat([authData, sha256(data)]), credential.privateKey);
        return {
          id: credential.id.toString('base64url'),
          rawId: arrayBuffer(credential.id),
          type: 'public-key',
          authenticatorAttachment: 'platform',
          getClientExtensionResults: () => ({}),
          response: { clientDataJSON: arrayBuffer(data), authenticatorData: arrayBuffer(authData), signature: arrayBuffer(signature), userHandle: arrayBuffer(credential.userHandle) },
        };
      },
    },
  },
});

const client = createAuthClient({ baseURL: BASE_URL, plugins: [passkeyClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const email = `passkey-${randomBytes(4).toString('hex')}@example.com`;
const errorOf = (answer) => (answer.error ? { status: answer.error.status, code: answer.error.code } : null);

const results = {};
const signUp = await client.signUp.email({ email, password: PASSWORD, name: 'Pia' });
results.signUp = signUp.data?.user?.email === email;
const added = await client.passkey.addPasskey({ name: 'Node' });
results.added = { error: errorOf(added), name: added.data?.name, deviceType: added.data?.deviceType, transports: added.data?.transports };
results.again = errorOf(await client.passkey.addPasskey({ name: 'Twice' }));
const listed = await client.passkey.listUserPasskeys();
results.listed = listed.data?.map((p) => p.name);
results.signOut = (await client.signOut()).data;
results.sessionAfterSignOut = (await client.getSession()).data;
const signedIn = await client.signIn.passkey();
results.signIn = { error: errorOf(signedIn), email: signedIn.data?.user?.email, session: Boolean(signedIn.data?.session) };
results.session = (await client.getSession()).data?.user?.email === email;
const id = listed.data?.[0]?.id;
const renamed = await client.passkey.updatePasskey({ id, name: 'Renamed' });
results.renamed = renamed.data?.passkey?.name;
results.deleted = (await client.passkey.deletePasskey({ id })).data;
results.afterDelete = (await client.passkey.listUserPasskeys()).data;
await client.signOut();
results.signInWithDeleted = errorOf(await client.signIn.passkey());
console.log(JSON.stringify(results));
