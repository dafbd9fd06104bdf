// Drives better-auth's own `adminClient` (from `better-auth/client/plugins`) against a running server with the
// admin plugin. Usage: BASE_URL=http://127.0.0.1:3000 ADMIN_EMAIL=... node test/client/admin-client.mjs
// The admin (role `admin`, password below) exists already. Prints one JSON line of what the clients saw; any
// unexpected shape prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { createAuthClient } from 'better-auth/client';
import { adminClient } from 'better-auth/client/plugins';
import { jarFetchOptions } from './cookie-jar.mjs';

const BASE_URL = process.env.BASE_URL;
const ADMIN_EMAIL = process.env.ADMIN_EMAIL;
const PASSWORD = 'correct horse battery staple';

function fail(message) {
  process.stderr.write(`admin-client: ${message}\n`);
  process.exit(1);
}
if (!BASE_URL || !ADMIN_EMAIL) fail('BASE_URL and ADMIN_EMAIL must be set');

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

const admin = createAuthClient({ baseURL: BASE_URL, plugins: [adminClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const member = createAuthClient({ baseURL: BASE_URL, plugins: [adminClient()], fetchOptions: jarFetchOptions(BASE_URL) });
const suffix = randomBytes(4).toString('hex');
const email = `member-${suffix}@example.com`;

const adminIn = await admin.signIn.email({ email: ADMIN_EMAIL, password: PASSWORD });
check(adminIn.error === null, 'admin signIn.email', adminIn);
const adminId = adminIn.data.user.id;

const created = await admin.admin.createUser({ email, password: PASSWORD, name: 'Member', role: 'user' });
check(created.error === null && created.data?.user?.email === email, 'admin.createUser', created);
const userId = created.data.user.id;
const listed = await admin.admin.listUsers({ query: { searchValue: suffix, searchField: 'email', searchOperator: 'contains', limit: 10, offset: 0, sortBy: 'email' } });
check(listed.error === null, 'admin.listUsers', listed);
const setRole = await admin.admin.setRole({ userId, role: 'user' });

const memberIn = await member.signIn.email({ email, password: PASSWORD });
check(memberIn.error === null, 'member signIn.email', memberIn);
const banned = await admin.admin.banUser({ userId, banReason: 'testing the client', banExpiresIn: 3600 });
check(banned.error === null, 'admin.banUser', banned);
const memberAfterBan = await member.getSession();
const refused = await member.signIn.email({ email, password: PASSWORD });
const unbanned = await admin.admin.unbanUser({ userId });
const memberBack = await member.signIn.email({ email, password: PASSWORD });
check(memberBack.error === null, 'member signIn.email after unbanUser', memberBack);

const impersonated = await admin.admin.impersonateUser({ userId });
check(impersonated.error === null, 'admin.impersonateUser', impersonated);
const asMember = await admin.getSession();
const stopped = await admin.admin.stopImpersonating();
check(stopped.error === null, 'admin.stopImpersonating', stopped);
const asAdmin = await admin.getSession();

const permission = await admin.admin.hasPermission({ permissions: { user: ['ban'] } });
const memberPermission = await member.admin.hasPermission({ permissions: { user: ['ban'] } });
const sessions = await admin.admin.listUserSessions({ userId });
const notAllowed = await member.admin.listUsers({ query: {} });
// Promote, then demote: an admin manages other admins (better-auth's default roles), but does not impersonate them.
const promoted = await admin.admin.setRole({ userId, role: 'admin' });
const impersonateAdmin = await admin.admin.impersonateUser({ userId });
const demoted = await admin.admin.setRole({ userId, role: 'user' });
const removed = await admin.admin.removeUser({ userId });

process.stdout.write(
  `${JSON.stringify({
    created: { email: created.data.user.email, role: created.data.user.role },
    listed: { total: listed.data.total, limit: listed.data.limit, offset: listed.data.offset, emails: listed.data.users.map((user) => user.email) },
    setRole: setRole.data?.user?.role,
    banned: { banned: banned.data.user.banned, banReason: banned.data.user.banReason, expires: banned.data.user.banExpires != null },
    memberSessionAfterBan: memberAfterBan.data,
    bannedSignIn: { status: refused.error?.status, code: refused.error?.code },
    unbanned: unbanned.data?.user?.banned,
    impersonating: { userId: asMember.data?.user?.id === userId, impersonatedBy: asMember.data?.session?.impersonatedBy === adminId },
    stopped: { userId: stopped.data.user.id === adminId, session: asAdmin.data?.user?.id === adminId },
    permission: permission.data,
    memberPermission: memberPermission.data ?? { status: memberPermission.error?.status },
    sessions: Array.isArray(sessions.data?.sessions),
    notAllowed: { status: notAllowed.error?.status, code: notAllowed.error?.code },
    promoted: promoted.data?.user?.role ?? { status: promoted.error?.status, code: promoted.error?.code },
    impersonateAdmin: { status: impersonateAdmin.error?.status, code: impersonateAdmin.error?.code },
    demoted: demoted.data?.user?.role ?? { status: demoted.error?.status, code: demoted.error?.code },
    removed: removed.data,
    errorCodes: Object.keys(adminClient().$ERROR_CODES ?? {}),
  })}\n`,
);
