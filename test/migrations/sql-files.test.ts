import { listMigrations } from '../../migrations';
import { splitSqlStatements } from '../../migrations/sql-files';

describe('shipped migration files', () => {
  test('every dialect ships the same versions, in order, each with statements', () => {
    const versions = (['postgres', 'sqlite', 'mysql'] as const).map((dialect) => listMigrations(dialect).map((m) => m.version));
    expect(versions).toEqual([
      ['001_initial', '002_organization', '003_two_factor', '004_account_failures', '005_passkey', '006_jwks', '007_api_key', '008_anonymous', '009_teams', '010_organization_role'],
      ['001_initial', '002_organization', '003_two_factor', '004_account_failures', '005_passkey', '006_jwks', '007_api_key', '008_anonymous', '009_teams', '010_organization_role'],
      ['001_initial', '002_organization', '003_two_factor', '004_account_failures', '005_passkey', '006_jwks', '007_api_key', '008_anonymous', '009_teams', '010_organization_role'],
    ]);
    for (const dialect of ['postgres', 'sqlite', 'mysql'] as const) {
      for (const migration of listMigrations(dialect)) expect(migration.statements.length).toBeGreaterThan(0);
    }
  });

  test('every statement of a shipped file can be re-run: a CREATE guarded by IF NOT EXISTS, or an ADD COLUMN (the runner skips a column that exists)', () => {
    for (const dialect of ['postgres', 'sqlite', 'mysql'] as const) {
      for (const { statements } of listMigrations(dialect)) {
        for (const statement of statements) expect(statement).toMatch(/^(CREATE (UNIQUE )?(TABLE|INDEX) IF NOT EXISTS |ALTER TABLE \S+ ADD COLUMN )/);
      }
    }
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
