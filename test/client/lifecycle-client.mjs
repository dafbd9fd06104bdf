// Drives the account-lifecycle endpoints with the official Better Auth client (`better-auth/client`, ESM-only)
// against a running server, in Bearer mode. The server under test exposes the emails it captured at
// GET /api/auth/test/last-email?to=…&kind=… (a test-only route). Usage:
//   BASE_URL=http://127.0.0.1:3000 node test/client/lifecycle-client.mjs
// Prints one JSON line of results on stdout; any mismatch prints a message on stderr and exits with code 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';

const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) fail('BASE_URL is not set');
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`lifecycle-client: ${message}\n`);
  process.exit(1);
}

function check(condition, message, detail) {
  if (!condition) throw new Error(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

function expectData(step, result) {
  check(result.error === null || result.error === undefined, `${step}: unexpected error`, result.error);
  check(result.data !== null && result.data !== undefined, `${step}: no data`, result);
  return result.data;
}

let bearer = null;
const requests = [];
const client = createAuthClient({
  baseURL: BASE_URL,
  fetchOptions: {
    auth: { type: 'Bearer', token: () => bearer ?? undefined },
    onRequest(context) {
      requests.push(`${context.method} ${new URL(context.url).pathname}`);
    },
    onSuccess({ response }) {
      const token = response.headers.get('set-auth-token');
      if (token) bearer = token;
    },
  },
});

async function lastEmail(to, kind) {
  const response = await fetch(`${BASE_URL}/api/auth/test/last-email?to=${encodeURIComponent(to)}&kind=${kind}`);
  check(response.ok, `no email reached ${to}`, response.status);
  return response.json();
}

async function main() {
  const results = {};
  const email = `life-${randomBytes(6).toString('hex')}@example.com`;
  expectData('signUp.email', await client.signUp.email({ email, password: PASSWORD, name: 'Grace Hopper' }));

  const requested = expectData('requestPasswordReset', await client.requestPasswordReset({ email, redirectTo: '/reset' }));
  check(requested.status === true, 'requestPasswordReset: status', requested);
  const resetMail = await lastEmail(email, 'reset-password');
  const reset = expectData('resetPassword', await client.resetPassword({ newPassword: 'new password one', token: resetMail.token }));
  results.resetPassword = reset.status;
  const reused = await client.resetPassword({ newPassword: 'new password two', token: resetMail.token });
  check(reused.error?.code === 'INVALID_TOKEN', 'resetPassword with a used token: error.code', reused.error);
  results.reusedToken = reused.error.code;

  expectData('signIn.email with the new password', await client.signIn.email({ email, password: 'new password one' }));
  const changed = expectData(
    'changePassword',
    await client.changePassword({ currentPassword: 'new password one', newPassword: 'new password three', revokeOtherSessions: true }),
  );
  check(typeof changed.token === 'string' && changed.user?.email === email, 'changePassword: { token, user }', changed);
  const wrong = await client.changePassword({ currentPassword: 'not it at all', newPassword: 'whatever password' });
  results.changePassword = { token: true, wrongCurrent: wrong.error?.code };

  const accounts = expectData('listAccounts', await client.listAccounts());
  check(Array.isArray(accounts) && accounts.length === 1 && Array.isArray(accounts[0].scopes), 'listAccounts: one account with scopes', accounts);
  check(!('password' in accounts[0]), 'listAccounts leaks a password', accounts[0]);
  results.listAccounts = accounts.map((a) => a.providerId);
  const last = await client.unlinkAccount({ accountId: accounts[0].id });
  results.unlinkLast = last.error?.code;

  expectData('updateUser', await client.updateUser({ name: 'Rear Admiral Hopper' }));
  const session = expectData('getSession', await client.getSession());
  results.updatedName = session.user.name;

  expectData('sendVerificationEmail', await client.sendVerificationEmail({ email, callbackURL: '/verified' }));
  const verifyMail = await lastEmail(email, 'verify-email');
  const verified = expectData('verifyEmail', await client.verifyEmail({ query: { token: verifyMail.token } }));
  results.verifyEmail = verified.status;

  const newEmail = `moved-${randomBytes(6).toString('hex')}@example.com`;
  expectData('changeEmail', await client.changeEmail({ newEmail, callbackURL: '/settings' }));
  // The current address is verified, so it confirms first (better-auth's sendChangeEmailConfirmation step).
  const confirmMail = await lastEmail(email, 'change-email-confirmation');
  expectData('verifyEmail (current address confirms)', await client.verifyEmail({ query: { token: confirmMail.token } }));
  const changeMail = await lastEmail(newEmail, 'change-email');
  expectData('verifyEmail (change)', await client.verifyEmail({ query: { token: changeMail.token } }));
  results.changedEmail = expectData('getSession after change', await client.getSession()).user.email === newEmail;

  const deleted = expectData('deleteUser', await client.deleteUser({ password: 'new password three' }));
  results.deleteUser = deleted.message;
  const after = await client.getSession();
  results.afterDelete = after.error?.status ?? (after.data === null ? 'null' : 'session');
  results.requests = [...new Set(requests)];
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error) => fail(error.message));
