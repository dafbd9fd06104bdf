import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { Telemetry } from '../../src/observability/telemetry';
import { ContextualLogger } from '../../src/observability/contextual-logger';
import { call, ORIGIN, signUp, TEST_SECRET } from '../support/test-auth';

/*
 * With no OpenTelemetry SDK registered (the API alone) or no API installed at all, the engine records nothing
 * and builds nothing per request; and a console-like logger keeps its `(message, ...details)` shape.
 */
describe('telemetry without an SDK', () => {
  it('with the API alone, spans are not started and no instruments exist', () => {
    const telemetry = new Telemetry();
    expect(telemetry.startSpan('anything')).toBeNull();
    const request = { method: 'GET', path: '/x', query: new URLSearchParams(), header: () => undefined, readBody: async () => '', remoteAddress: null };
    expect(telemetry.startServerSpan(request)).toBeNull();
    expect(telemetry.metrics()).toBeNull();
    expect(telemetry.activeIds()).toBeNull();
  });

  it('without the API installed, every call is a no-op and work still runs', async () => {
    const telemetry = new Telemetry(null);
    expect(telemetry.startSpan('anything')).toBeNull();
    expect(telemetry.metrics()).toBeNull();
    await expect(telemetry.inSpan('work', { a: 1 }, async () => 42)).resolves.toBe(42);
  });

  it('serves requests as before, and the database adapter still answers as itself', async () => {
    const database = new MemoryDatabaseAdapter();
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(database).plugin(new EmailPasswordPlugin()).plugin(new SessionManagementPlugin()).build();
    const { cookie } = await signUp(auth.handler);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie })).status).toBe(200);
    expect(auth.context.db).toBeInstanceOf(MemoryDatabaseAdapter);
    expect(auth.context.db.models).toBe(database.models);
  });
});

describe('log lines', () => {
  it('a console-like logger gets the message and details first, and the request id last', () => {
    const written: unknown[][] = [];
    const logger = new ContextualLogger({ error: (...args: unknown[]) => written.push(args), warn: () => undefined });
    const request = { method: 'GET', path: '/x', query: new URLSearchParams(), header: (name: string) => (name === 'x-request-id' ? 'req-123' : undefined), readBody: async () => '', remoteAddress: null };
    logger.forRequest({ request }).error('database unavailable', 'detail');
    expect(written).toEqual([['database unavailable', 'detail', 'requestId=req-123']]);
  });

  it('an x-request-id that does not look like an id is replaced by a generated one', () => {
    const written: unknown[][] = [];
    const logger = new ContextualLogger({ error: (...args: unknown[]) => written.push(args), warn: () => undefined });
    const request = { method: 'GET', path: '/x', query: new URLSearchParams(), header: () => 'evil\nline injected', readBody: async () => '', remoteAddress: null };
    logger.forRequest({ request }).error('failed');
    expect(written[0][1]).toMatch(/^requestId=[0-9a-f-]{36}$/);
  });

  it('a pino-like logger gets the ids as fields and the message second', () => {
    const written: unknown[][] = [];
    const pinoLike = { error: (...args: unknown[]) => written.push(args), warn: () => undefined, child: () => pinoLike, bindings: () => ({}) };
    const logger = new ContextualLogger(pinoLike);
    logger.error('purging expired sessions failed', 'connection reset');
    expect(written).toEqual([[{ detail: 'connection reset' }, 'purging expired sessions failed']]);
  });
});

describe('GET /health', () => {
  it('is mounted only when asked for, and answers 503 with status down when the database does not answer', async () => {
    const database = new MemoryDatabaseAdapter();
    const plain = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(database).build();
    expect((await call(plain.handler, 'GET', '/health')).status).toBe(404);

    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, health: { route: true, timeoutMs: 200 } }).database(database).build();
    const up = await call(auth.handler, 'GET', '/health');
    expect([up.status, up.json]).toEqual([200, { status: 'up', checks: { database: { status: 'up', latencyMs: expect.any(Number) } } }]);

    // A database that never answers: the probe gives up at the timeout.
    jest.spyOn(database, 'getSessionByToken').mockImplementation(() => new Promise(() => undefined));
    const down = await call(auth.handler, 'GET', '/health');
    expect([down.status, down.json.status, down.json.checks.database.error]).toEqual([503, 'down', 'timeout']);
  });
});
