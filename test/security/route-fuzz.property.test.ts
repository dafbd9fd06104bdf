import fc from 'fast-check';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { RouteDefinition } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { openDatabase } from '../../examples/open-database';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { QuickHasher } from '../hardening/quick-hasher';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { ORIGIN, PASSWORD, uniqueEmail } from '../support/test-auth';

/**
 * Property: whatever a client sends to any route (any body and query values, in full Unicode with lone
 * surrogates and control characters, signed in or not), the answer is never a 5xx. Values are drawn from
 * each route's own field names, so they reach the validators and handlers, mixed with plausible ones (a real
 * address, the real password, live-looking tokens) so the flows behind the validators run too.
 */
const RUNS_PER_ROUTE = 40;

const nasty = fc.constantFrom('\ud800', '\udfff', 'a\ud800@x.co', '\u0000', 'nul\u0000@x.co', '\u0007', '\u001b[31m', '\u007f', '\u200b', '\ufeff', '𝔘', '../', '%00', '%', '\\', '');
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const text = fc.oneof(
  anyText,
  { weight: 2, arbitrary: nasty },
  // Mostly plausible, with something hostile inside: what gets past a shape check and reaches the flows.
  { weight: 2, arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 3 }), nasty).map(([local, bad]) => `${local}${bad}@example.com`) },
  fc.tuple(anyText, nasty, anyText).map((parts) => parts.join('')),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof({ weight: 4, arbitrary: scalar }, fc.array(scalar, { maxLength: 3 }), fc.dictionary(text, scalar, { maxKeys: 3 }));

/** `text` with lone surrogates replaced by U+FFFD, as a URL would carry it. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd');
}

/** The property names a DTO class declares, read from its class-validator decorators. */
function fieldsOf(dto: RouteDefinition['body']): string[] {
  if (!dto) return [];
  return Object.keys((targetConstructorToSchema(dto).properties ?? {}) as Record<string, unknown>);
}

function requestFor(route: RouteDefinition) {
  const known = (names: string[], plausible: fc.Arbitrary<unknown>) =>
    fc.record(Object.fromEntries(names.map((name) => [name, fc.oneof({ weight: 3, arbitrary: text }, value, plausible)])), { requiredKeys: [] });
  const plausible = fc.constantFrom<unknown>(PASSWORD, 'existing@example.com', '/settings', 'A'.repeat(43), true, false);
  return fc.record({
    body: fc.tuple(known(fieldsOf(route.body), plausible), fc.dictionary(text, value, { maxKeys: 2 })).map(([fields, extra]) => ({ ...extra, ...fields })),
    query: fc.tuple(known(fieldsOf(route.query), plausible), fc.dictionary(text, text, { maxKeys: 2 })).map(([fields, extra]) => ({ ...extra, ...fields })),
    pathParameter: text,
    signedIn: fc.boolean(),
  });
}

function describeFuzz(backendName: string, openDatabaseForTest: () => Promise<{ database: AppDatabase; close(): Promise<void> }>) {
  describe(`every route under fuzzed bodies and queries (${backendName})`, () => {
    let opened: { database: AppDatabase; close(): Promise<void> };
    beforeAll(async () => {
      opened = await openDatabaseForTest();
    });
    afterAll(() => opened?.close());

    it('never answers 5xx', async () => {
      const { auth, settle } = makeLifecycleAuth({ database: opened.database, config: { passwordHasher: new QuickHasher() } });
      await auth.api.signUpEmail({ email: 'existing@example.com', password: PASSWORD, name: 'Existing' });
      const routes = auth.routes.filter((route) => route.path !== '/reference/openapi.json');
      const error = jest.spyOn(console, 'error').mockImplementation(() => {});
      let requests = 0;
      const serverErrors: string[] = [];

      // Each route gets its own runs, so none is left out by chance.
      for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          requestFor(route),
          async (request) => {
            const headers = new Headers({ origin: ORIGIN, 'content-type': 'application/json' });
            if (request.signedIn) {
              const { token } = await auth.api.signUpEmail({ email: uniqueEmail('fuzz'), password: PASSWORD, name: 'Fuzz' });
              headers.set('authorization', `Bearer ${token}`);
            }
            // A URL cannot carry a lone surrogate (it becomes U+FFFD); the body can, and does.
            const path = route.path.replace(/:[A-Za-z]+/g, encodeURIComponent(wellFormed(request.pathParameter)) || 'x');
            const query = new URLSearchParams(
              Object.entries(request.query).map(([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)]),
            ).toString();
            const url = `${ORIGIN}${auth.context.config.basePath}${path}${query ? `?${query}` : ''}`;
            const body = route.method === 'GET' ? undefined : JSON.stringify(request.body);
            const response = await auth.handler(new Request(url, { method: route.method, headers, body }));
            requests += 1;
            const answer = await response.text();
            if (response.status >= 500) console.log(`5xx: ${route.method} ${route.path} ${JSON.stringify(request)} → ${response.status} ${answer}`);
            if (response.status >= 500) serverErrors.push(`${route.method} ${route.path} ${JSON.stringify(request)} → ${response.status} ${answer}`);
            expect(response.status).toBeLessThan(500);
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
      }
      await settle();
      const errorsLogged = error.mock.calls.length;
      error.mockRestore();
      console.log(
        `route fuzz on ${backendName}: ${requests} requests over ${routes.length} routes, ${serverErrors.length} answered 5xx, ${errorsLogged} errors logged`,
      );
      expect(serverErrors).toEqual([]);
      expect(errorsLogged).toBe(0);
    }, 120_000);
  });
}

describeFuzz('memory', async () => ({ database: new MemoryDatabaseAdapter(appEntities), close: async () => {} }));

describeFuzz('PostgreSQL', async () => {
  const schema: TestDatabase = await createPostgresSchema('fuzz');
  const { database } = await openDatabase([], { DATABASE_URL: schema.url });
  return {
    database,
    close: async () => {
      await (database as unknown as TypeOrmAdapter<any, any, any, any, any, any, any>).close();
      await schema.drop();
    },
  };
});
