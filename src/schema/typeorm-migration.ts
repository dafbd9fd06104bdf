import type { AuthSchema } from './auth-schema';
import { quote, type SqlDialect } from './sql/dialect-sql';
import { createTableStatements } from './sql/schema-sql';

/**
 * The schema as a TypeORM migration class (for apps whose migrations TypeORM runs): `up` creates the tables
 * and indexes, `down` drops the tables in reverse order.
 * @example
 * writeFileSync(`src/migrations/${Date.now()}-better-auth.ts`, typeormMigration(getAuthSchema(auth), 'postgres'));
 */
export function typeormMigration(schema: AuthSchema, dialect: SqlDialect, timestamp = Date.now()): string {
  const name = `BetterAuthSchema${timestamp}`;
  const up = schema.tables.flatMap((table) => createTableStatements(table, dialect)).map(call);
  const down = [...schema.tables].reverse().map((table) => call(`DROP TABLE IF EXISTS ${quote(dialect, table.name)}`));
  return [
    "import type { MigrationInterface, QueryRunner } from 'typeorm';",
    '',
    `/** better-auth-entities schema (${dialect}), generated from the configured auth's entities and plugins. */`,
    `export class ${name} implements MigrationInterface {`,
    `  name = '${name}';`,
    '',
    '  public async up(queryRunner: QueryRunner): Promise<void> {',
    ...up,
    '  }',
    '',
    '  public async down(queryRunner: QueryRunner): Promise<void> {',
    ...down,
    '  }',
    '}',
    '',
  ].join('\n');
}

function call(statement: string): string {
  const escaped = statement.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return `    await queryRunner.query(\`${escaped}\`);`;
}
