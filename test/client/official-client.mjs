// Drives the official Better Auth client (`better-auth/client`, ESM-only) against a running server, so the
// jest suite can check wire compatibility from a child process. Usage:
//   BASE_URL=http://127.0.0.1:3000 node test/client/official-client.mjs [--mode cookies|bearer]
// Without --mode both modes run. Each mode prints one JSON line of results on stdout; any mismatch or
// unexpected `error` prints a message on stderr and exits with code 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';

const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) fail('BASE_URL is not set (the server origin, e.g. http://127.0.0.1:3000)');

const PASSWORD = 'correct horse battery staple';

class Mismatch extends Error {}

function fail(message) {
  process.stderr.write(`official-client: ${message}\n`);
  process.exit(1);
}

function check(condition, message, detail) {
  if (!condition) throw new Mismatch(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

/** The `data` of a client call, or a thrown mismatch naming the step when the client reported an `error`. */
function expectData(step, result) {
  check(result && typeof result === 'object', `${step}: the client returned no { data, error } pair`, result);
  check(result.error === null || result.error === undefined, `${step}: unexpected error`, result.error);
  check(result.data !== null && result.data !== undefined, `${step}: no data`, result);
  return result.data;
}

/** A get-session answer meaning "no session": 200 `null`, as better-auth answers (no error for the client). */
function unauthenticated(result) {
  return { data: result.data ?? null, status: result.error ? result.error.status : 200, code: result.error?.code ?? null };
}

/**
 * One device: an official client with its own credential store. In cookie mode that is a cookie jar fed by
 * `set-cookie` (node has no browser jar) and sent back with a trusted Origin; in bearer mode it is the signed
 * token from `set-auth-token` (or, with `bodyToken`, the raw `token` of the sign-in body), sent through
 * better-fetch's `auth` option.
 */
function device(mode, { bodyToken = false } = {}) {
  const jar = new Map();
  let bearer = null;
  const requests = [];
  const fetchOptions =
    mode === 'cookies'
      ? {
          onRequest(context) {
            requests.push(`${context.method} ${new URL(context.url).pathname}`);
            if (jar.size > 0) context.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
            context.headers.set('origin', BASE_URL);
          },
          onResponse({ response }) {
            for (const line of response.headers.getSetCookie()) {
              const [pair, ...attributes] = line.split(';').map((part) => part.trim());
              const equals = pair.indexOf('=');
              const name = pair.slice(0, equals);
              const value = pair.slice(equals + 1);
              const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute)) || value === '';
              if (expired) jar.delete(name);
              else jar.set(name, value);
            }
          },
        }
      : {
          auth: { type: 'Bearer', token: () => bearer ?? undefined },
          onRequest(context) {
            requests.push(`${context.method} ${new URL(context.url).pathname}`);
          },
          onSuccess({ response, data }) {
            const token = bodyToken ? data?.token : response.headers.get('set-auth-token');
            if (typeof token === 'string' && token) bearer = token;
          },
        };
  const client = createAuthClient({ baseURL: BASE_URL, fetchOptions });
  return {
    client,
    jar,
    requests,
    get bearer() {
      return bearer;
    },
  };
}

function checkUser(step, user, email) {
  check(user && typeof user === 'object', `${step}: no user`, user);
  check(user.email === email, `${step}: user.email is ${JSON.stringify(user.email)}, expected ${email}`);
  check(user.plan === 'free', `${step}: user.plan (custom AppUser field) is ${JSON.stringify(user.plan)}, expected "free"`);
  check(typeof user.id === 'string' && user.id.length > 0, `${step}: user.id missing`, user);
  check(user.name === 'Ada Lovelace', `${step}: user.name is ${JSON.stringify(user.name)}`);
  check(user.emailVerified === false, `${step}: user.emailVerified is ${JSON.stringify(user.emailVerified)}`);
  check(user.createdAt instanceof Date, `${step}: user.createdAt did not parse as a date`, user.createdAt);
  check(!('password' in user), `${step}: user leaks a password field`, user);
}

function checkCredential(step, mode, who, bodyToken) {
  if (mode === 'cookies') {
    check(who.jar.has('better-auth.session_token'), `${step}: no better-auth.session_token cookie was set`, [...who.jar.keys()]);
    check(who.jar.get('better-auth.session_token').includes('.'), `${step}: the session cookie is not signed (token.signature)`);
  } else {
    check(typeof who.bearer === 'string' && who.bearer.length > 0, `${step}: no bearer token was captured (set-auth-token header or body token)`);
    check(who.bearer === bodyToken || who.bearer.startsWith(`${bodyToken}.`), `${step}: the captured bearer token is not the body's token`);
  }
}

async function run(mode) {
  const email = `ada-${randomBytes(6).toString('hex')}@example.com`;
  const signup = device(mode);
  const laptop = device(mode);
  // The phone authenticates with the raw body token rather than the signed header (bearer mode only).
  const phone = device(mode, { bodyToken: true });
  const results = { mode };

  // Sign-up signs in too: that is one session (the "sign-up device").
  const signUp = expectData('signUp.email', await signup.client.signUp.email({ email, password: PASSWORD, name: 'Ada Lovelace' }));
  checkUser('signUp.email', signUp.user, email);
  check(typeof signUp.token === 'string' && signUp.token.length > 0, 'signUp.email: no token in the body', signUp);
  checkCredential('signUp.email', mode, signup, signUp.token);
  results.signUp = { email: signUp.user.email, plan: signUp.user.plan, token: true };

  // A taken email is refused with better-auth's error shape: { code, message, status, statusText }.
  const again = await signup.client.signUp.email({ email, password: PASSWORD, name: 'Ada Lovelace' });
  check(again.data === null && again.error, 'signUp.email with a taken email: expected an error', again);
  check(again.error.code === 'USER_ALREADY_EXISTS', 'signUp.email with a taken email: error.code', again.error);
  check(typeof again.error.message === 'string' && again.error.message.length > 0, 'signUp.email with a taken email: error.message', again.error);
  results.duplicateSignUp = { status: again.error.status, code: again.error.code };

  const wrong = await laptop.client.signIn.email({ email, password: 'not the password' });
  check(wrong.data === null && wrong.error?.status === 401, 'signIn.email with a wrong password: expected 401', wrong);
  check(wrong.error.code === 'INVALID_EMAIL_OR_PASSWORD', 'signIn.email with a wrong password: error.code', wrong.error);
  results.wrongPassword = { status: wrong.error.status, code: wrong.error.code };

  // Two more devices sign in.
  const signIns = [];
  for (const [name, who] of [['laptop', laptop], ['phone', phone]]) {
    const signIn = expectData(`signIn.email (${name})`, await who.client.signIn.email({ email, password: PASSWORD }));
    checkUser(`signIn.email (${name})`, signIn.user, email);
    check(signIn.redirect === false, `signIn.email (${name}): redirect should be false`, signIn);
    check(signIn.url === null || signIn.url === undefined, `signIn.email (${name}): url should be empty`, signIn);
    check(typeof signIn.token === 'string' && signIn.token.length > 0, `signIn.email (${name}): no token`, signIn);
    checkCredential(`signIn.email (${name})`, mode, who, signIn.token);
    signIns.push(signIn.token);
  }
  check(signIns[0] !== signIns[1], 'the two sign-ins returned the same token');
  results.signIns = signIns.length;

  const session = expectData('getSession (laptop)', await laptop.client.getSession());
  checkUser('getSession (laptop)', session.user, email);
  check(session.session && typeof session.session.id === 'string', 'getSession (laptop): no session', session);
  check(session.session.userId === session.user.id, 'getSession (laptop): session.userId differs from user.id', session);
  check(session.session.expiresAt instanceof Date && session.session.expiresAt > new Date(), 'getSession (laptop): expiresAt is not a future date', session.session);
  check(session.session.token === signIns[0], "getSession (laptop): session.token is not the laptop's own token", session.session);
  const signupSession = expectData('getSession (sign-up device)', await signup.client.getSession());
  check(signupSession.session.id !== session.session.id, 'the sign-up device and the laptop share a session');
  results.getSession = { email: session.user.email, plan: session.user.plan, session: true, deviceLabel: session.session.deviceLabel ?? null };

  // list-sessions: an array, one entry per device; the entries' tokens are not the raw tokens.
  const listed = expectData('listSessions', await laptop.client.listSessions());
  check(Array.isArray(listed), 'listSessions: expected an array', listed);
  check(listed.length === 3, `listSessions: expected 3 sessions (sign-up + 2 sign-ins), got ${listed.length}`, listed);
  for (const entry of listed) {
    check(entry.userId === session.user.id, 'listSessions: an entry of another user', entry);
    check(entry.expiresAt instanceof Date, 'listSessions: expiresAt did not parse as a date', entry);
    check(typeof entry.token === 'string' && !signIns.includes(entry.token) && entry.token !== signUp.token, 'listSessions: an entry exposes a raw token', entry);
  }
  check(listed.some((entry) => entry.id === session.session.id), "listSessions: the laptop's session is missing", listed);
  results.sessionsListed = listed.length;

  // The documented round trip: listSessions() → revokeSession({ token }) ends the sign-up device's session.
  const target = listed.find((entry) => entry.id === signupSession.session.id);
  check(target, "listSessions: the sign-up device's session is missing", listed);
  const revokeOne = expectData('revokeSession', await laptop.client.revokeSession({ token: target.token }));
  check(revokeOne.status === true, 'revokeSession: status should be true', revokeOne);
  const signupAfter = unauthenticated(await signup.client.getSession());
  check(signupAfter.data === null, 'getSession (sign-up device) after revokeSession still has data', signupAfter);
  results.revokeSession = { status: revokeOne.status, signupDeviceAfter: signupAfter.status };

  const listedAfterOne = expectData('listSessions after revokeSession', await laptop.client.listSessions());
  check(listedAfterOne.length === 2, `listSessions after revokeSession: expected 2, got ${listedAfterOne.length}`, listedAfterOne);
  results.sessionsAfterRevokeSession = listedAfterOne.length;

  // The laptop ends every other session: the phone's.
  const revokeOthers = expectData('revokeOtherSessions', await laptop.client.revokeOtherSessions());
  check(revokeOthers.status === true, 'revokeOtherSessions: status should be true', revokeOthers);
  check(revokeOthers.count === 1, `revokeOtherSessions: expected count 1, got ${JSON.stringify(revokeOthers.count)}`, revokeOthers);
  results.revoked = revokeOthers.count;
  const phoneAfter = unauthenticated(await phone.client.getSession());
  check(phoneAfter.data === null, 'getSession (phone) after revokeOtherSessions still has data', phoneAfter);
  results.phoneAfterRevoke = phoneAfter.status;
  const stillLaptop = expectData('getSession (laptop) after revokeOtherSessions', await laptop.client.getSession());
  check(stillLaptop.session.id === session.session.id, 'getSession (laptop) after revokeOtherSessions: another session', stillLaptop);
  const listedAfterOthers = expectData('listSessions after revokeOtherSessions', await laptop.client.listSessions());
  check(listedAfterOthers.length === 1, `listSessions after revokeOtherSessions: expected 1, got ${listedAfterOthers.length}`, listedAfterOthers);
  results.sessionsAfterRevokeOthers = listedAfterOthers.length;

  // Sign out. The bearer credential is kept on purpose: the server must refuse the ended session, not just
  // the absence of a credential. In cookie mode the server's clearing Set-Cookie empties the jar.
  const laptopCredential = mode === 'cookies' ? laptop.jar.get('better-auth.session_token') : laptop.bearer;
  const signOut = expectData('signOut', await laptop.client.signOut());
  check(signOut.success === true, 'signOut: success should be true', signOut);
  if (mode === 'cookies') check(!laptop.jar.has('better-auth.session_token'), 'signOut: the session cookie was not cleared', [...laptop.jar]);
  results.signOut = signOut.success;

  const after = await laptop.client.getSession();
  const final = unauthenticated(after);
  check(final.data === null, 'getSession after signOut still has data', after);
  check(final.status === 200 && after.error === null, 'getSession after signOut: expected 200 null', after);
  results.finalGetSession = final;

  if (mode === 'cookies') {
    // The old cookie, replayed, is dead too (a jar that missed the clearing Set-Cookie).
    laptop.jar.set('better-auth.session_token', laptopCredential);
    const replay = unauthenticated(await laptop.client.getSession());
    check(replay.data === null, 'getSession with the signed-out cookie replayed still has data', replay);
    results.replayedCredential = replay.status;
  } else {
    check(laptop.bearer === laptopCredential, 'the bearer token changed after signOut');
    results.replayedCredential = final.status;
  }

  results.requests = laptop.requests;
  return results;
}

const modeArg = process.argv.indexOf('--mode');
const modes = modeArg === -1 ? ['cookies', 'bearer'] : [process.argv[modeArg + 1]];
for (const mode of modes) {
  if (mode !== 'cookies' && mode !== 'bearer') fail(`unknown mode ${JSON.stringify(mode)}; use cookies or bearer`);
  try {
    process.stdout.write(`${JSON.stringify(await run(mode))}\n`);
  } catch (error) {
    const cause = error?.cause ? ` (cause: ${error.cause.message ?? error.cause})` : '';
    fail(`${mode} mode: ${error instanceof Mismatch ? error.message : error?.stack ?? String(error)}${cause}`);
  }
}
