import { listMigrations } from '../../migrations';
import { splitSqlStatements } from '../../migrations/sql-files';

describe('shipped migration files', () => {
  test('every dialect ships the same versions, in order, each with statements', () => {
    const versions = (['postgres', 'sqlite', 'mysql'] as const).map((dialect) => listMigrations(dialect).map((m) => m.version));
    expect(versions).toEqual([
      ['001_initial', '002_organization', '003_two_factor', '004_account_failures', '005_passkey', '008_anonymous'],
      ['001_initial', '002_organization', '003_two_factor', '004_account_failures', '005_passkey', '008_anonymous'],
      ['001_initial', '002_organization', '003_two_factor', '004_account_failures', '005_passkey', '008_anonymous'],
    ]);
    for (const dialect of ['postgres', 'sqlite', 'mysql'] as const) {
      for (const migration of listMigrations(dialect)) expect(migration.statements.length).toBeGreaterThan(0);
    }
  });

  test('every CREATE in a shipped file is guarded by IF NOT EXISTS, and an ADD COLUMN is its file\'s only statement, so a file can be re-run or lands whole', () => {
    let alters = 0;
    for (const dialect of ['postgres', 'sqlite', 'mysql'] as const) {
      for (const { statements } of listMigrations(dialect)) {
        for (const statement of statements) {
          if (/^ALTER TABLE /.test(statement)) {
            // SQLite and MySQL know no ADD COLUMN IF NOT EXISTS: alone in its file, it is applied once with its version or not at all.
            expect(statement).toMatch(/^ALTER TABLE \S+ ADD COLUMN /);
            expect(statements).toHaveLength(1);
            alters += 1;
          } else expect(statement).toMatch(/^CREATE (UNIQUE )?(TABLE|INDEX) IF NOT EXISTS /);
        }
      }
    }
    expect(alters).toBe(3);
  });
});

describe('splitSqlStatements', () => {
  test('splits on semicolons outside quotes and drops comments', () => {
    const script = [
      "-- header; with a semicolon",
      "CREATE TABLE a (x TEXT DEFAULT 'a;b', \"odd;name\" TEXT); /* block; comment */",
      "INSERT INTO a VALUES ('it''s; fine') -- trailing; comment",
      ';;',
      'SELECT `x;y` FROM a',
    ].join('\n');
    expect(splitSqlStatements(script)).toEqual([
      "CREATE TABLE a (x TEXT DEFAULT 'a;b', \"odd;name\" TEXT)",
      "INSERT INTO a VALUES ('it''s; fine')",
      'SELECT `x;y` FROM a',
    ]);
  });

  test('an unterminated quote is an error, not a silently merged statement', () => {
    expect(() => splitSqlStatements("SELECT 'oops; SELECT 1")).toThrow(/unterminated ' quote/);
  });
});
