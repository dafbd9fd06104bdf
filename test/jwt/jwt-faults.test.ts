import { DatabaseUnavailableError, MemoryDatabaseAdapter, type PluginRecords, type RecordTable } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { call } from '../support/test-auth';
import { makeJwtAuth } from './jwt-auth';

/** A memory storage (built-in classes) whose jwks table fails the way a lost database does, on reads or on writes. */
class FailingKeyStorage extends MemoryDatabaseAdapter {
  failReads = false;
  failWrites = false;

  override records(table: RecordTable): PluginRecords {
    const records = super.records(table);
    if (table.name !== 'jwks') return records;
    const lost = () => Promise.reject(new DatabaseUnavailableError('connection lost'));
    return {
      create: (values) => (this.failWrites ? lost() : records.create(values)),
      findOne: (where) => (this.failReads ? lost() : records.findOne(where)),
      findMany: (where, options) => (this.failReads ? lost() : records.findMany(where, options)),
      count: (where) => records.count(where),
      update: (where, values) => (this.failWrites ? lost() : records.update(where, values)),
      increment: (where, field, options) => records.increment(where, field, options),
      deleteMany: (where) => records.deleteMany(where),
    };
  }
}

describe('JwtPlugin when the database fails', () => {
  it('GET /token answers 503 DATABASE_UNAVAILABLE, leaks nothing and stores no key; it works once the database is back', async () => {
    const storage = new FailingKeyStorage();
    const s = makeJwtAuth(storage as unknown as AppDatabase, {}, { logger: { error: () => {}, warn: () => {} } });
    const { cookie } = await s.signUp();
    storage.failWrites = true;
    const answer = await call(s.handler, 'GET', '/token', { cookie });
    expect([answer.status, answer.json.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    expect(JSON.stringify(answer.json)).not.toMatch(/connection lost|\bat /);
    storage.failWrites = false;
    expect(await s.keyRows()).toEqual([]);
    expect((await call(s.handler, 'GET', '/token', { cookie })).status).toBe(200);
    expect(await s.keyRows()).toHaveLength(1);
  });

  it('get-session still answers the session when the key table cannot be read, without set-auth-jwt', async () => {
    const storage = new FailingKeyStorage();
    const s = makeJwtAuth(storage as unknown as AppDatabase, {}, { logger: { error: () => {}, warn: () => {} } });
    const { cookie, user } = await s.signUp();
    storage.failReads = true;
    const answer = await call(s.handler, 'GET', '/get-session', { cookie });
    expect([answer.status, answer.json.user.id]).toEqual([200, user.id]);
    expect(answer.headers.get('set-auth-jwt')).toBeNull();
    expect((await call(s.handler, 'GET', '/jwks')).status).toBe(503);
  });
});
