import { getMetadataStorage } from 'class-validator';
import { digestToken, type RouteDefinition } from 'better-auth-entities';

/** One hostile request: what it is, and how to send it. */
export interface BadRequest {
  /** `METHOD /path` of the route it aims at. */
  route: string;
  label: string;
  method: string;
  /** Path and query, below the host. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the corpus may aim at: a signed-in user, the address it signed up with, and live tokens it must not be able to misuse. */
export interface CorpusFixtures {
  /** A valid session token of the existing user: requests that must fail validation carry it, so they would act if let through. */
  bearer: string;
  /** The existing user's address. */
  email: string;
  /** A live, unused password-reset token of the existing user (emailed to it). */
  resetToken: string;
  /** A live, unused email-verification token of the existing user (emailed to it). */
  verifyToken: string;
  /** The id of another user's account, which the existing user must not reach. */
  foreignAccountId: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const MALFORMED_JSON = ['{', '{"email":}', 'nul', '{"email":"a@b.co"', '{"a":1}}', "{'single':'quotes'}", '\u0000'];
const NON_OBJECT_JSON = ['[]', '[{"email":"a@b.co"}]', '"text"', '123', 'true', 'null'];
const WRONG_TYPES: Array<[string, unknown]> = [
  ['a number', 12345678],
  ['a boolean', true],
  ['an object', { nested: 'value' }],
  ['an array', ['a', 'b']],
  ['null', null],
];
const SQL_SHAPED = ["' OR '1'='1", "admin'--", '"; DROP TABLE users; --', "1; SELECT pg_sleep(5)"];
const BAD_AUTHORIZATION = ['Bearer', 'Bearer ', 'Bearer a b c', 'Basic dXNlcjpwYXNz', 'Bearer ' + 'x'.repeat(10_000), 'Bearer abc.%%%', 'Bearer abc.forgedsignature='];
const BAD_COOKIES = [
  'better-auth.session_token=',
  'better-auth.session_token=%E0%A4%A',
  'better-auth.session_token=token.forged-signature%3D',
  'better-auth.session_token=' + 'a'.repeat(8_000),
  '__Secure-better-auth.session_token=abc.def; better-auth.session_token=ghi.jkl',
  '=;;;=;better-auth.session_token',
];
/** Redirect targets that leave the site, each in its own disguise: every one must be refused with 403. */
const OFF_SITE_URLS = [
  'https://evil.example/steal',
  '//evil.example/steal',
  '/\\evil.example',
  'https:evil.example',
  'javascript:alert(document.cookie)',
  'http://localhost:3000.evil.example/',
  'http://localhost:3000@evil.example/',
  '/after\r\nSet-Cookie: injected=1',
];
/** Emailed-link tokens that are not a live token of the right purpose. */
const BOGUS_TOKENS = ["' OR '1'='1", '../../etc/passwd', 'x'.repeat(300), '\u0000', '%00', 'тест-токен', '*'];

/**
 * Routes that answer 200 to any well-formed address by design (telling no one whether it has an account): a
 * valid address there is not bad input. They get only shapes that are bad in themselves: malformed or
 * mistyped bodies, addresses that are not addresses, off-site redirect targets.
 */
const OPEN_ROUTES = new Set(['/request-password-reset', '/forget-password', '/send-verification-email']);

// Fields with a format of their own (an address, a token, an id): SQL-shaped text there is invalid on every route.
// Elsewhere (a display name) it is legitimate text, and only public routes, where the existing email makes
// the request fail anyway, get it.
const FORMATTED_FIELDS = new Set(['email', 'newEmail', 'token', 'callbackURL', 'redirectTo', 'providerId', 'accountId']);
const URL_FIELDS = new Set(['callbackURL', 'redirectTo']);

/**
 * Values for the DTO fields of a route that are valid in shape yet fail on their own: the existing user's
 * address (a sign-up is then a duplicate, a change-email "the same address"), a wrong password, an unknown
 * token or account. Whatever hostile value one field then gets, the request cannot succeed.
 */
function plausibleBody(route: RouteDefinition, fixtures: CorpusFixtures): Record<string, unknown> {
  const values: Record<string, unknown> = {
    email: fixtures.email,
    newEmail: fixtures.email,
    password: 'a wrong password 123',
    currentPassword: 'a wrong password 123',
    newPassword: 'a plausible new password 123',
    token: 'an unknown token 123',
    callbackURL: '/after',
    redirectTo: '/after',
    rememberMe: true,
    revokeOtherSessions: true,
  };
  const body: Record<string, unknown> = {};
  for (const field of dtoFields(route.body)) body[field] = field in values ? values[field] : 'a plausible value 123';
  return body;
}

function dtoFields(dto: RouteDefinition['body']): string[] {
  if (!dto) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

/** Fields marked `@IsOptional()`: `null` there is a valid "clear it", not bad input. */
function optionalFields(dto: RouteDefinition['body']): Set<string> {
  if (!dto) return new Set();
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return new Set(metadata.filter((entry) => entry.type === 'conditionalValidation').map((entry) => entry.propertyName));
}

/**
 * Hostile variants of every mounted route. Requests that must fail while parsing or validating the body carry
 * a valid `bearer`, so they would reach the handler if those checks let them through; the others carry none,
 * so a request that is valid in every other respect (a `__proto__` payload on sign-out) still cannot act.
 * Live tokens appear only where they must be refused: at the wrong purpose, as their stored digest, beside an
 * off-site redirect, or with a new password the policy refuses — none of which may use them up.
 */
export function badRequestCorpus(routes: readonly RouteDefinition[], basePath: string, fixtures: CorpusFixtures): BadRequest[] {
  const corpus: BadRequest[] = [];
  const authorised = { authorization: `Bearer ${fixtures.bearer}` };
  for (const route of routes) {
    const base = `${basePath}${route.path}`;
    const add = (label: string, headers: Record<string, string>, body?: string, path = base) =>
      corpus.push({ route: `${route.method} ${route.path}`, label: `${route.method} ${route.path}: ${label}`, method: route.method, path, headers, body });
    const open = OPEN_ROUTES.has(route.path);

    if (route.session) {
      for (const value of BAD_AUTHORIZATION) add(`authorization "${value.slice(0, 30)}"`, { authorization: value }, undefined, concrete(base));
      for (const value of BAD_COOKIES) add(`cookie "${value.slice(0, 30)}"`, { cookie: value, origin: 'http://localhost:3000' }, undefined, concrete(base));
    }
    if (route.method === 'GET') {
      addLinkVariants(route, base, fixtures, add);
      continue;
    }

    for (const text of MALFORMED_JSON) add(`malformed JSON ${JSON.stringify(text)}`, { ...JSON_TYPE, ...authorised }, text);
    for (const text of NON_OBJECT_JSON) add(`non-object JSON ${text}`, { ...JSON_TYPE, ...authorised }, text);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      add(`content type ${type}`, { 'content-type': type, ...authorised }, 'email=a%40b.co&password=x');
    }
    const plausible = plausibleBody(route, fixtures);
    add('a body over 1 MiB', { ...JSON_TYPE, ...authorised }, JSON.stringify({ ...plausible, padding: 'x'.repeat(1024 * 1024) }));
    add('a content-length over 1 MiB', { ...JSON_TYPE, ...authorised, 'content-length': String(5 * 1024 * 1024) }, '{}');
    add('__proto__ payload', { ...JSON_TYPE }, `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}`);
    add('cookie-authenticated from an untrusted origin', { ...JSON_TYPE, cookie: 'better-auth.session_token=x.y', origin: 'https://evil.example' }, '{}');

    const fields = dtoFields(route.body);
    const optional = optionalFields(route.body);
    const withField = (field: string, value: unknown) => JSON.stringify({ ...plausible, [field]: value });
    for (const field of fields) {
      for (const [label, value] of WRONG_TYPES) {
        if (value === null && optional.has(field)) continue;
        add(`${field} as ${label}`, { ...JSON_TYPE, ...authorised }, withField(field, value));
      }
      for (const value of SQL_SHAPED) {
        if (field === 'rememberMe' || field === 'revokeOtherSessions' || /password/i.test(field)) continue; // any string is a valid password
        if (route.session && !FORMATTED_FIELDS.has(field)) continue;
        // On an open route only the address itself may carry it: a relative redirect like "admin'--" is a valid one.
        if (open && field !== 'email') continue;
        add(`${field} SQL-shaped ${value}`, { ...JSON_TYPE, ...authorised }, withField(field, value));
      }
      if (URL_FIELDS.has(field)) {
        for (const url of OFF_SITE_URLS) add(`${field} off-site ${JSON.stringify(url)}`, { ...JSON_TYPE, ...authorised }, withField(field, url));
        add(`${field} of 3,000 characters`, { ...JSON_TYPE, ...authorised }, withField(field, `/${'a'.repeat(3_000)}`));
      }
    }
    if (fields.includes('email')) {
      add('a 10,000-character email', { ...JSON_TYPE }, withField('email', `${'a'.repeat(10_000)}@example.com`));
      for (const email of ['no-at-sign.example.com', 'two@@example.com', '@example.com', 'user@', 'user@exa mple.com', 'user\u0000@example.com']) {
        add(`email ${JSON.stringify(email)}`, { ...JSON_TYPE }, withField('email', email));
      }
      if (!open) {
        add('an email needing NFKC that exists already', { ...JSON_TYPE }, JSON.stringify({ ...plausible, email: 'ｅｘｉｓｔｉｎｇ@example.com', password: 'wrong password 1' }));
      }
    }
    if (fields.includes('password')) {
      add('a 1 MiB password', { ...JSON_TYPE }, withField('password', 'p'.repeat(1024 * 1024)));
      add('a 100 KiB password', { ...JSON_TYPE }, withField('password', 'p'.repeat(100 * 1024)));
    }
    addLifecycleVariants(route, base, fixtures, (label, body, headers = authorised, path = base) => add(label, { ...JSON_TYPE, ...headers }, JSON.stringify(body), path));
  }
  return corpus;
}

type Add = (label: string, headers: Record<string, string>, body?: string, path?: string) => void;

/** A path with its `:params` filled with a harmless unknown value. */
function concrete(path: string): string {
  return path.replace(/:[A-Za-z]+/g, 'unknown-token');
}

/** The emailed links (GET): bogus, misdirected and oversized tokens, and off-site callback URLs. */
function addLinkVariants(route: RouteDefinition, base: string, fixtures: CorpusFixtures, add: Add): void {
  const authorised: Record<string, string> = route.session ? { authorization: `Bearer ${fixtures.bearer}` } : {};
  const link = (label: string, path: string) => add(label, authorised, undefined, path);
  if (route.path === '/reset-password/:token') {
    const at = (token: string, query = '') => `${base.replace(':token', encodeURIComponent(token))}${query}`;
    for (const token of BOGUS_TOKENS) link(`path token ${JSON.stringify(token.slice(0, 20))}`, at(token));
    link('a live verification token (another purpose)', at(fixtures.verifyToken));
    link('the stored digest of the live reset token', at(`reset-password:${digestToken(fixtures.resetToken)}`));
    link('the bare digest of the live reset token', at(digestToken(fixtures.resetToken)));
    link('a broken percent-encoding', `${base.replace(':token', '%E0%A4%A')}`);
    // The live token beside an off-site callback: the token must not travel to it.
    for (const url of OFF_SITE_URLS) link(`the live token with callbackURL ${JSON.stringify(url)}`, at(fixtures.resetToken, `?callbackURL=${encodeURIComponent(url)}`));
    link('a callbackURL of 3,000 characters', at(fixtures.resetToken, `?callbackURL=/${'a'.repeat(3_000)}`));
    return;
  }
  const query = route.query ? dtoFields(route.query) : [];
  if (!query.includes('token')) return;
  const purposeToken = route.path === '/verify-email' ? fixtures.verifyToken : null;
  const otherToken = route.path === '/verify-email' ? fixtures.resetToken : fixtures.verifyToken;
  const at = (params: string) => `${base}?${params}`;
  link('no token', base);
  link('an empty token', at('token='));
  for (const token of BOGUS_TOKENS) link(`token ${JSON.stringify(token.slice(0, 20))}`, at(`token=${encodeURIComponent(token)}`));
  link('a live token of another purpose', at(`token=${encodeURIComponent(otherToken)}`));
  link('a bogus token first, then a live one (the first counts)', at(`token=bogus&token=${encodeURIComponent(purposeToken ?? otherToken)}`));
  link('__proto__ in the query', at('__proto__[token]=x&constructor[prototype][token]=x'));
  if (purposeToken) {
    link('the stored digest of the live token', at(`token=${encodeURIComponent(`verify-email:${digestToken(purposeToken)}`)}`));
    for (const url of OFF_SITE_URLS) link(`the live token with callbackURL ${JSON.stringify(url)}`, at(`token=${encodeURIComponent(purposeToken)}&callbackURL=${encodeURIComponent(url)}`));
  }
  link('a callbackURL of 3,000 characters', at(`token=bogus&callbackURL=/${'a'.repeat(3_000)}`));
}

/** Requests the account-lifecycle routes must refuse for what they mean, not for their shape. */
function addLifecycleVariants(
  route: RouteDefinition,
  base: string,
  fixtures: CorpusFixtures,
  add: (label: string, body: Record<string, unknown>, headers?: Record<string, string>, path?: string) => void,
): void {
  const { resetToken, verifyToken } = fixtures;
  switch (route.path) {
    case '/reset-password':
      add('a live verification token (another purpose)', { newPassword: 'a plausible new password 123', token: verifyToken }, {});
      add('the stored digest of the live reset token', { newPassword: 'a plausible new password 123', token: `reset-password:${digestToken(resetToken)}` }, {});
      add('the bare digest of the live reset token', { newPassword: 'a plausible new password 123', token: digestToken(resetToken) }, {});
      add('the live token with a too-short password', { newPassword: 'short', token: resetToken }, {});
      add('the live token with a 129-character password', { newPassword: 'p'.repeat(129), token: resetToken }, {});
      add('the live token with an empty password', { newPassword: '', token: resetToken }, {});
      add('no token anywhere', { newPassword: 'a plausible new password 123' }, {});
      add('a bogus body token before a live query token', { newPassword: 'a plausible new password 123', token: 'bogus' }, {}, `${base}?token=${encodeURIComponent(resetToken)}`);
      break;
    case '/delete-user':
      add('a live reset token as the deletion token', { token: resetToken });
      add('a live verification token as the deletion token', { token: verifyToken });
      add('a wrong password', { password: 'a wrong password 123' });
      add('a 129-character password', { password: 'p'.repeat(129) });
      break;
    case '/unlink-account':
      add("another user's account", { accountId: fixtures.foreignAccountId });
      add('the last way to sign in', { providerId: 'credential' });
      add('neither accountId nor providerId', {});
      break;
    case '/update-user':
      add('a new email through update-user', { email: 'taken-over@example.com' });
      add('nothing to update', {});
      add('a name of 300 characters', { name: 'n'.repeat(300) });
      break;
    case '/change-email':
      add('the same address in other case', { newEmail: fixtures.email.toUpperCase() });
      add('an address of 300 characters', { newEmail: `${'a'.repeat(290)}@example.com` });
      break;
    case '/change-password':
      add('a wrong current password', { currentPassword: 'a wrong password 123', newPassword: 'a plausible new password 123' });
      add('a too-short new password', { currentPassword: 'a wrong password 123', newPassword: 'short' });
      add('a 129-character current password', { currentPassword: 'p'.repeat(129), newPassword: 'a plausible new password 123' });
      break;
    case '/set-password':
      add('a password for a user who has one', { newPassword: 'a plausible new password 123' });
      add('a too-short password', { newPassword: 'short' });
      break;
    case '/send-verification-email':
      add("signed in, another user's address", { email: 'someone-else@example.com' });
      break;
  }
}
