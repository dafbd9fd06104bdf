import { getMetadataStorage } from 'class-validator';
import type { RouteDefinition } from 'better-auth-entities';

/** One hostile request: what it is, and how to send it. */
export interface BadRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
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

/** Values for the DTO fields of a route that are valid enough to get past the other checks. */
function plausibleBody(route: RouteDefinition): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of dtoFields(route)) {
    // The existing user's email: a sign-up then fails as a duplicate and a sign-in as a wrong password, so
    // hostile values in the other fields cannot create anything.
    body[field] = field === 'email' ? 'existing@example.com' : field === 'rememberMe' ? true : 'a plausible value 123';
  }
  return body;
}

function dtoFields(route: RouteDefinition): string[] {
  if (!route.body) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(route.body, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

/** Fields marked `@IsOptional()`: `null` there is a valid "clear it", not bad input. */
function optionalFields(route: RouteDefinition): Set<string> {
  if (!route.body) return new Set();
  const metadata = getMetadataStorage().getTargetValidationMetadatas(route.body, '', true, false);
  return new Set(metadata.filter((entry) => entry.type === 'conditionalValidation').map((entry) => entry.propertyName));
}

// Fields with a format of their own (an address, a token): SQL-shaped text there is invalid on every route.
// Elsewhere (a display name) it is legitimate text, and only public routes, where the existing email makes
// the request fail anyway, get it.
const FORMATTED_FIELDS = new Set(['email', 'newEmail', 'token', 'callbackURL', 'redirectTo']);

/**
 * Hostile variants of every mounted route. Requests that must fail while parsing or validating the body carry
 * a valid `bearer`, so they would reach the handler if those checks let them through; the others carry none,
 * so a request that is valid in every other respect (a `__proto__` payload on sign-out) still cannot act.
 */
export function badRequestCorpus(routes: readonly RouteDefinition[], basePath: string, bearer: string): BadRequest[] {
  const corpus: BadRequest[] = [];
  const authorised = { authorization: `Bearer ${bearer}` };
  for (const route of routes) {
    const path = `${basePath}${route.path}`;
    const add = (label: string, headers: Record<string, string>, body?: string) =>
      corpus.push({ label: `${route.method} ${route.path}: ${label}`, method: route.method, path, headers, body });

    if (route.session) {
      for (const value of BAD_AUTHORIZATION) add(`authorization "${value.slice(0, 30)}"`, { authorization: value });
      for (const value of BAD_COOKIES) add(`cookie "${value.slice(0, 30)}"`, { cookie: value, origin: 'http://localhost:3000' });
    }
    if (route.method === 'GET') continue;

    for (const text of MALFORMED_JSON) add(`malformed JSON ${JSON.stringify(text)}`, { ...JSON_TYPE, ...authorised }, text);
    for (const text of NON_OBJECT_JSON) add(`non-object JSON ${text}`, { ...JSON_TYPE, ...authorised }, text);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      add(`content type ${type}`, { 'content-type': type, ...authorised }, 'email=a%40b.co&password=x');
    }
    add('a body over 1 MiB', { ...JSON_TYPE, ...authorised }, JSON.stringify({ ...plausibleBody(route), padding: 'x'.repeat(1024 * 1024) }));
    add('a content-length over 1 MiB', { ...JSON_TYPE, ...authorised, 'content-length': String(5 * 1024 * 1024) }, '{}');
    add('__proto__ payload', { ...JSON_TYPE }, `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}`);
    add('cookie-authenticated from an untrusted origin', { ...JSON_TYPE, cookie: 'better-auth.session_token=x.y', origin: 'https://evil.example' }, '{}');

    const fields = dtoFields(route);
    const optional = optionalFields(route);
    for (const field of fields) {
      for (const [label, value] of WRONG_TYPES) {
        if (value === null && optional.has(field)) continue;
        add(`${field} as ${label}`, { ...JSON_TYPE, ...authorised }, JSON.stringify({ ...plausibleBody(route), [field]: value }));
      }
      for (const value of SQL_SHAPED) {
        if (field === 'rememberMe' || /password/i.test(field)) continue; // any string is a valid password
        if (route.session && !FORMATTED_FIELDS.has(field)) continue;
        add(`${field} SQL-shaped ${value}`, { ...JSON_TYPE, ...authorised }, JSON.stringify({ ...plausibleBody(route), [field]: value }));
      }
    }
    if (fields.includes('email')) {
      add('a 10,000-character email', { ...JSON_TYPE }, JSON.stringify({ ...plausibleBody(route), email: `${'a'.repeat(10_000)}@example.com` }));
      add('an email needing NFKC that exists already', { ...JSON_TYPE }, JSON.stringify({ ...plausibleBody(route), email: 'ｅｘｉｓｔｉｎｇ@example.com', password: 'wrong password 1' }));
    }
    if (fields.includes('password')) {
      add('a 1 MiB password', { ...JSON_TYPE }, JSON.stringify({ ...plausibleBody(route), password: 'p'.repeat(1024 * 1024) }));
      add('a 100 KiB password', { ...JSON_TYPE }, JSON.stringify({ ...plausibleBody(route), password: 'p'.repeat(100 * 1024) }));
    }
  }
  return corpus;
}
