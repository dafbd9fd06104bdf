// Drives better-auth's own `multiSessionClient` and `oneTimeTokenClient` (from `better-auth/client/plugins`)
// against a running server with our MultiSessionPlugin and OneTimeTokenPlugin, each browser or device with a
// cookie jar of its own. Usage: BASE_URL=http://127.0.0.1:3000 node test/client/devices-client.mjs
// Prints one JSON line of what the clients saw; an unexpected shape prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { multiSessionClient, oneTimeTokenClient } from 'better-auth/client/plugins';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`devices-client: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL) fail('BASE_URL is not set');

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

const newClient = () => createAuthClient({ baseURL: BASE_URL, plugins: [multiSessionClient(), oneTimeTokenClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const address = (prefix) => `${prefix}-${randomBytes(6).toString('hex')}@example.com`;
const errorOf = (result) => ({ status: result.error?.status, code: result.error?.code, message: result.error?.message });
const signedInAs = async (client) => (await client.getSession()).data?.user?.email ?? null;

async function signUp(client, prefix) {
  const email = address(prefix);
  const answer = await client.signUp.email({ email, password: PASSWORD, name: prefix });
  check(answer.error === null, `signUp.email ${prefix}`, answer.error);
  return { email, token: answer.data.token };
}

const results = {};

// --- multi-session: one browser, two accounts
{
  const browser = newClient();
  const ada = await signUp(browser, 'ada');
  const bob = await signUp(browser, 'bob');
  const listed = await browser.multiSession.listDeviceSessions();
  check(listed.error === null, 'multiSession.listDeviceSessions', listed.error);
  results.listed = listed.data.map((entry) => entry.user.email.split('-')[0]);
  results.listedTokensAreRaw = listed.data.some((entry) => entry.session.token === ada.token || entry.session.token === bob.token);
  const adaEntry = listed.data.find((entry) => entry.user.email === ada.email);

  const switched = await browser.multiSession.setActive({ sessionToken: adaEntry.session.token });
  check(switched.error === null, 'multiSession.setActive', switched.error);
  results.setActive = { user: switched.data.user.email === ada.email, session: switched.data.session.userId === switched.data.user.id };
  results.activeAfterSwitch = (await signedInAs(browser)) === ada.email;

  const stranger = newClient();
  const carol = await signUp(stranger, 'carol');
  results.setActiveForeign = errorOf(await browser.multiSession.setActive({ sessionToken: carol.token }));
  results.revokeForeign = errorOf(await browser.multiSession.revoke({ sessionToken: carol.token }));
  results.strangerStillIn = (await signedInAs(stranger)) === carol.email;

  const revoked = await browser.multiSession.revoke({ sessionToken: adaEntry.session.token });
  check(revoked.error === null, 'multiSession.revoke', revoked.error);
  results.revoke = revoked.data;
  results.activeAfterRevoke = (await signedInAs(browser)) === bob.email;
  results.listedAfterRevoke = (await browser.multiSession.listDeviceSessions()).data.map((entry) => entry.user.email.split('-')[0]);

  const again = await signUp(browser, 'dan');
  check(typeof again.token === 'string', 'a third account');
  const out = await browser.signOut();
  check(out.error === null, 'signOut', out.error);
  results.listedAfterSignOut = (await browser.multiSession.listDeviceSessions()).data;
  results.signedOut = (await signedInAs(browser)) === null;
  const bobsOldSession = await fetch(`${BASE_URL}/api/auth/get-session`, { headers: { authorization: `Bearer ${bob.token}` } });
  results.bobEnded = (await bobsOldSession.json()) === null;
  results.errorCodes = Object.keys(multiSessionClient().$ERROR_CODES ?? {});
}

// --- one-time token: generated on a desktop, redeemed on a phone
{
  const desktop = newClient();
  const eve = await signUp(desktop, 'eve');
  const generated = await desktop.oneTimeToken.generate();
  check(generated.error === null, 'oneTimeToken.generate', generated.error);
  results.generated = /^[A-Za-z0-9_-]{43}$/.test(generated.data.token);

  const phone = newClient();
  const verified = await phone.oneTimeToken.verify({ token: generated.data.token });
  check(verified.error === null, 'oneTimeToken.verify', verified.error);
  results.verified = { user: verified.data.user.email === eve.email, session: verified.data.session.userId === verified.data.user.id, newSession: verified.data.session.token !== eve.token };
  results.phoneSignedIn = (await signedInAs(phone)) === eve.email;
  results.replay = errorOf(await newClient().oneTimeToken.verify({ token: generated.data.token }));

  check((await phone.signOut()).error === null, 'phone signOut');
  results.desktopAfterPhoneSignOut = (await signedInAs(desktop)) === eve.email;
  const late = await desktop.oneTimeToken.generate();
  check((await desktop.signOut()).error === null, 'desktop signOut');
  results.originEnded = errorOf(await newClient().oneTimeToken.verify({ token: late.data.token }));
}

process.stdout.write(`${JSON.stringify(results)}\n`);
