import type { DataSource } from 'typeorm';
import { getAuthSchema, schemaSql, type AuthPlugin } from 'better-auth-entities';
import { buildEntityModels } from 'better-auth-entities/entities';
import { ApiKeyPlugin, JwtPlugin, OrganizationPlugin, PasskeyPlugin, TwoFactorPlugin } from 'better-auth-entities/plugins';
import { runMigrations, VERSION_TABLE } from '../../migrations';
import { mysqlDatabase, postgresDatabase, sqliteDatabase, type MigrationDatabase } from './harness';

/*
 * The shipped migrations and `getAuthSchema` describe the same tables in two places: the SQL files by hand, the
 * schema from the built-in classes (and so from the standard-field table). Both are applied to fresh databases of
 * each dialect and what the database then reports is compared: tables, columns with their types, nullability,
 * defaults and primary keys, unique and plain indexes by their columns, and foreign keys. Constraint names are
 * left out on purpose: the shipped files use TypeORM's names, `generate` writes PostgreSQL-style ones.
 */

/** Every built-in table: the core ones, the organization kinds a plugin asks for, teams and run-time roles, and the two-factor, passkey, API-key and JWT plugins' tables. */
const organizationTables: AuthPlugin = { id: 'organization-tables', routes: () => [], schema: { kinds: ['organization', 'member', 'invitation'] } };
const builtInSchema = () =>
  getAuthSchema({
    context: { models: buildEntityModels() },
    plugins: [
      organizationTables,
      new OrganizationPlugin({ teams: { enabled: true }, dynamicAccessControl: { enabled: true } }),
      new TwoFactorPlugin(),
      new PasskeyPlugin(),
      new ApiKeyPlugin(),
      new JwtPlugin(),
    ],
  });

/** One column as the database reports it, in words comparable across the two databases of a dialect. */
interface ColumnShape {
  column: string;
  type: string;
  nullable: boolean;
  default: string | null;
  primaryKey: boolean;
}

interface SchemaShape {
  tables: string[];
  columns: Record<string, ColumnShape[]>;
  uniques: string[];
  indexes: string[];
  foreignKeys: string[];
}

/** `IDX_abc sessions(user_id)` → `sessions(user_id)`: the columns matter, the name does not. */
const withoutName = (entries: string[]) => entries.map((entry) => entry.replace(/^\S+ /, '')).sort();

/** SQLite keeps a default as written: `('member')` and `'member'` are the same default. */
const unwrapped = (value: string | null) => (value === null ? null : value.replace(/^\((.*)\)$/s, '$1'));

async function columnsOf(db: MigrationDatabase, ds: DataSource, table: string): Promise<ColumnShape[]> {
  if (db.dialect === 'sqlite') {
    const rows: { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[] = await ds.query(`SELECT * FROM pragma_table_info('${table}')`);
    return rows.map((r) => ({ column: r.name, type: r.type.toLowerCase(), nullable: r.notnull === 0 && r.pk === 0, default: unwrapped(r.dflt_value), primaryKey: r.pk > 0 }));
  }
  if (db.dialect === 'postgres') {
    const rows: { name: string; type: string; nullable: string; dflt: string | null; pk: boolean }[] = await ds.query(
      'SELECT c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable, c.column_default AS dflt, EXISTS (' +
        "SELECT 1 FROM information_schema.table_constraints t JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema " +
        "WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema AND t.table_name = c.table_name AND k.column_name = c.column_name) AS pk " +
        'FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name = $1',
      [table],
    );
    return rows.map((r) => ({ column: r.name, type: r.type, nullable: r.nullable === 'YES', default: r.dflt, primaryKey: r.pk }));
  }
  const rows: { name: string; type: string; nullable: string; dflt: string | null; extra: string; ckey: string }[] = await ds.query(
    'SELECT column_name AS name, column_type AS type, is_nullable AS nullable, column_default AS dflt, extra, column_key AS ckey ' +
      'FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
    [table],
  );
  return rows.map((r) => ({
    column: r.name,
    // MariaDB reports TEXT's implicit NULL default as the string 'NULL'.
    type: `${r.type}${r.extra ? ` ${r.extra}` : ''}`.toLowerCase(),
    nullable: r.nullable === 'YES',
    default: r.dflt === 'NULL' ? null : r.dflt,
    primaryKey: r.ckey === 'PRI',
  }));
}

async function shapeOf(db: MigrationDatabase, ds: DataSource): Promise<SchemaShape> {
  const tables = (await db.tables(ds)).filter((table) => table !== VERSION_TABLE);
  const columns: Record<string, ColumnShape[]> = {};
  for (const table of tables) columns[table] = (await columnsOf(db, ds, table)).sort((a, b) => a.column.localeCompare(b.column));
  return {
    tables,
    columns,
    uniques: withoutName(await db.uniques(ds)),
    indexes: withoutName(await db.indexes(ds)),
    foreignKeys: withoutName(await db.foreignKeys(ds)),
  };
}

/** The generated script, one statement at a time (comments dropped), as `generate` users apply it. */
async function applyGenerated(ds: DataSource, dialect: MigrationDatabase['dialect']): Promise<void> {
  const script = schemaSql(builtInSchema(), dialect);
  for (const statement of script.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await ds.query(statement);
}

describe.each([
  ['SQLite', async () => sqliteDatabase()],
  ['PostgreSQL', postgresDatabase],
  ['MariaDB', mysqlDatabase],
])('the shipped %s migrations and getAuthSchema describe the same tables', (_name, makeDatabase) => {
  let shipped: MigrationDatabase;
  let generated: MigrationDatabase;
  beforeAll(async () => {
    [shipped, generated] = await Promise.all([makeDatabase(), makeDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([shipped?.drop(), generated?.drop()]);
  });

  test('tables, columns (type, nullability, default, primary key), unique and plain indexes and foreign keys match', async () => {
    const shippedDs = await shipped.open();
    await runMigrations(shippedDs);
    const generatedDs = await generated.open();
    await applyGenerated(generatedDs, generated.dialect);

    const expected = await shapeOf(shipped, shippedDs);
    expect(expected.tables).toEqual(['account_failures', 'accounts', 'api_key', 'invitation', 'jwks', 'member', 'organization', 'organization_role', 'passkey', 'sessions', 'team', 'team_member', 'two_factor', 'users', 'verifications']);
    expect(await shapeOf(generated, generatedDs)).toEqual(expected);
  });
});
