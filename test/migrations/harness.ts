import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createMysqlDatabase, createPostgresSchema, POSTGRES_URL } from '../support/databases';

// Each call makes a fresh, isolated database (SQLite temp file, PostgreSQL schema, MariaDB database, the last two
// from test/support/databases.ts) and drop() removes it, so every test starts from nothing.

type EntityList = NonNullable<DataSourceOptions['entities']>;

/** One throw-away database and the introspection the migration tests compare across dialects. */
export interface MigrationDatabase {
  readonly dialect: 'postgres' | 'sqlite' | 'mysql';
  /** A connection URL for it, where a URL can name it (not PostgreSQL: its isolation is a schema). */
  readonly url: string | null;
  /**
   * An initialized DataSource on it; closed by drop(). On PostgreSQL its connections' search_path is the test
   * schema, so the tests' own unqualified SQL never touches another schema; `pinSearchPath: false` leaves only
   * TypeORM's `schema` option, to prove the runner targets that schema by itself.
   */
  open(entities?: EntityList, options?: { pinSearchPath?: boolean }): Promise<DataSource>;
  tables(ds: DataSource): Promise<string[]>;
  /** `name table(col,…)` of every unique constraint and unique index (primary keys excluded). */
  uniques(ds: DataSource): Promise<string[]>;
  /** `name table(col,…)` of every non-unique index. */
  indexes(ds: DataSource): Promise<string[]>;
  /** `name table(col) -> table(col) ON DELETE rule` of every foreign key. */
  foreignKeys(ds: DataSource): Promise<string[]>;
  /** SQL that makes 002_organization fail part-way, and what the failure must leave absent. */
  readonly sabotage: { sql: string; absentAfterFailure: string[] };
  drop(): Promise<void>;
}

const uniqueName = () => `bae_mig_${randomBytes(5).toString('hex')}`;
const sorted = (rows: string[]) => [...rows].sort();

function tracker(options: (entities: EntityList, pinSearchPath: boolean) => DataSourceOptions) {
  const opened: DataSource[] = [];
  return {
    async open(entities: EntityList = [], { pinSearchPath = true } = {}) {
      const ds = new DataSource(options(entities, pinSearchPath));
      opened.push(ds);
      return ds.initialize();
    },
    async closeAll() {
      await Promise.all(opened.filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
    },
  };
}

/** TypeORM 0.3 reaches SQLite through sqlite3; TypeORM 1.x (jest-mapped onto `typeorm`) only through better-sqlite3. */
const SQLITE_DRIVER = (() => {
  try {
    new DataSource({ type: 'sqlite', database: ':memory:' });
    return 'sqlite' as const;
  } catch {
    return 'better-sqlite3' as const;
  }
})();

export function sqliteDatabase(): MigrationDatabase {
  const file = join(tmpdir(), `${uniqueName()}.sqlite`);
  const sources = tracker((entities) => ({ type: SQLITE_DRIVER, database: file, entities }));
  const constraintNames = async (ds: DataSource, kind: 'UNIQUE' | 'FOREIGN KEY') => {
    const rows: { name: string; sql: string }[] = await ds.query("SELECT name, sql FROM sqlite_master WHERE type = 'table'");
    const pattern = new RegExp(`CONSTRAINT "?(\\w+)"? ${kind} \\(([^)]*)\\)`, 'g');
    return rows.flatMap(({ name, sql }) => [...sql.matchAll(pattern)].map((m) => ({ table: name, name: m[1], columns: m[2].replace(/[\s"]/g, '') })));
  };
  // Indexes made by CREATE [UNIQUE] INDEX (those behind table constraints have no SQL of their own).
  const createdIndexes = async (ds: DataSource, unique: boolean) => {
    const rows: { name: string; tbl: string; cols: string }[] = await ds.query(
      "SELECT m.name, m.tbl_name AS tbl, (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(m.name) ORDER BY seqno)) AS cols " +
        `FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.sql ${unique ? '' : 'NOT '}LIKE 'CREATE UNIQUE%'`,
    );
    return sorted(rows.map((r) => `${r.name} ${r.tbl}(${r.cols})`));
  };
  return {
    dialect: 'sqlite',
    url: `sqlite://${file}`,
    open: sources.open,
    async tables(ds) {
      const rows: { name: string }[] = await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
      return sorted(rows.map((r) => r.name));
    },
    async uniques(ds) {
      // Names live only in the table's SQL; the pragma proves SQLite built a unique index for each of them.
      const named = await constraintNames(ds, 'UNIQUE');
      for (const { table, columns } of named) {
        const built: { n: number }[] = await ds.query(
          `SELECT count(*) AS n FROM pragma_index_list('${table}') l WHERE l."unique" = 1 AND l.origin = 'u' AND ` +
            `(SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = '${columns}'`,
        );
        if (Number(built[0].n) !== 1) throw new Error(`no unique index on ${table}(${columns})`);
      }
      return sorted([...named.map((u) => `${u.name} ${u.table}(${u.columns})`), ...(await createdIndexes(ds, true))]);
    },
    indexes: (ds) => createdIndexes(ds, false),
    async foreignKeys(ds) {
      const names = await constraintNames(ds, 'FOREIGN KEY');
      const result: string[] = [];
      for (const { table, name, columns } of names) {
        const [fk]: { table: string; to: string; on_delete: string }[] = await ds.query(
          `SELECT "table", "to", on_delete FROM pragma_foreign_key_list('${table}') WHERE "from" = '${columns}'`,
        );
        result.push(`${name} ${table}(${columns}) -> ${fk.table}(${fk.to}) ON DELETE ${fk.on_delete}`);
      }
      return sorted(result);
    },
    sabotage: { sql: 'CREATE TABLE member (id varchar(255) PRIMARY KEY NOT NULL)', absentAfterFailure: ['organization', 'invitation'] },
    async drop() {
      await sources.closeAll();
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}

export async function postgresDatabase(): Promise<MigrationDatabase> {
  const created = await createPostgresSchema('mig');
  const schema = created.name;
  // created.url pins the search_path; POSTGRES_URL leaves the server's default one.
  const sources = tracker((entities, pinSearchPath) => ({
    type: 'postgres',
    url: pinSearchPath ? created.url : POSTGRES_URL,
    schema,
    entities,
    extra: { max: 4 },
  }));
  const constraints = async (ds: DataSource, type: 'f') => {
    const rows: { name: string; tbl: string; def: string }[] = await ds.query(
      'SELECT c.conname AS name, t.relname AS tbl, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c ' +
        'JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.contype = $2',
      [schema, type],
    );
    return rows;
  };
  // Every index but primary keys': a UNIQUE constraint shows up as the unique index behind it, under its name.
  const indexes = async (ds: DataSource, unique: boolean) => {
    const rows: { name: string; tbl: string; cols: string }[] = await ds.query(
      'SELECT i.relname AS name, t.relname AS tbl, (SELECT string_agg(a.attname, \',\' ORDER BY k.ord) ' +
        'FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS cols ' +
        'FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace ' +
        'WHERE n.nspname = $1 AND NOT ix.indisprimary AND ix.indisunique = $2',
      [schema, unique],
    );
    return sorted(rows.map((r) => `${r.name} ${r.tbl}(${r.cols})`));
  };
  return {
    dialect: 'postgres',
    url: null,
    open: sources.open,
    async tables(ds) {
      const rows: { name: string }[] = await ds.query(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
        [schema],
      );
      return sorted(rows.map((r) => r.name));
    },
    uniques: (ds) => indexes(ds, true),
    indexes: (ds) => indexes(ds, false),
    async foreignKeys(ds) {
      const rows = await constraints(ds, 'f');
      // pg_get_constraintdef: "FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE" (schema-qualified when off the search_path)
      return sorted(
        rows.map((r) => {
          const m = /^FOREIGN KEY \((\w+)\) REFERENCES (?:\w+\.)?(\w+)\((\w+)\) ON DELETE (\w+)/.exec(r.def);
          return m ? `${r.name} ${r.tbl}(${m[1]}) -> ${m[2]}(${m[3]}) ON DELETE ${m[4]}` : `${r.name} ${r.tbl} ${r.def}`;
        }),
      );
    },
    sabotage: { sql: `CREATE TABLE ${schema}.member (id TEXT PRIMARY KEY)`, absentAfterFailure: ['organization', 'invitation'] },
    async drop() {
      await sources.closeAll();
      await created.drop();
    },
  };
}

export async function mysqlDatabase(): Promise<MigrationDatabase> {
  const created = await createMysqlDatabase('mig');
  const database = created.name;
  // MariaDB is the server here; TypeORM reads some of its catalogue differently from MySQL's.
  const sources = tracker((entities) => ({ type: 'mariadb', url: created.url, entities }));
  const statistics = async (ds: DataSource, nonUnique: 0 | 1) => {
    const rows: { name: string; tbl: string; cols: string }[] = await ds.query(
      'SELECT index_name AS name, table_name AS tbl, GROUP_CONCAT(column_name ORDER BY seq_in_index) AS cols FROM information_schema.statistics ' +
        "WHERE table_schema = ? AND non_unique = ? AND index_name <> 'PRIMARY' GROUP BY index_name, table_name",
      [database, nonUnique],
    );
    return sorted(rows.map((r) => `${r.name} ${r.tbl}(${r.cols})`));
  };
  return {
    dialect: 'mysql',
    url: created.url,
    open: sources.open,
    async tables(ds) {
      const rows: { name: string }[] = await ds.query(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
        [database],
      );
      return sorted(rows.map((r) => r.name));
    },
    uniques: (ds) => statistics(ds, 0),
    indexes: (ds) => statistics(ds, 1),
    async foreignKeys(ds) {
      const rows: { name: string; tbl: string; col: string; ref: string; refcol: string; rule: string }[] = await ds.query(
        'SELECT k.constraint_name AS name, k.table_name AS tbl, k.column_name AS col, k.referenced_table_name AS ref, ' +
          'k.referenced_column_name AS refcol, r.delete_rule AS rule FROM information_schema.key_column_usage k ' +
          'JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name ' +
          'WHERE k.table_schema = ?',
        [database],
      );
      return sorted(rows.map((r) => `${r.name} ${r.tbl}(${r.col}) -> ${r.ref}(${r.refcol}) ON DELETE ${r.rule}`));
    },
    // DDL is not transactional here: the failure is made to hit 002's first new table, so nothing is left half-made.
    sabotage: { sql: `CREATE TABLE ${database}.organization (id INT PRIMARY KEY) ENGINE=InnoDB`, absentAfterFailure: ['member', 'invitation'] },
    async drop() {
      await sources.closeAll();
      await created.drop();
    },
  };
}
