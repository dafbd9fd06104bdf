import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getAuthSchema } from '../schema/get-auth-schema';
import type { SqlDialect } from '../schema/sql/dialect-sql';
import { schemaSql } from '../schema/sql/schema-sql';
import { typeormMigration } from '../schema/typeorm-migration';
import type { CliIo } from './cli-io';
import { loadAuth } from './load-config';

export interface GenerateOptions {
  config: string;
  dialect: SqlDialect;
  format: 'sql' | 'typeorm';
  out?: string;
}

/**
 * `generate`: the configured auth's schema as SQL DDL or a TypeORM migration class, to stdout or `--out`.
 * The config's adapter is closed afterwards (a config may connect to a database).
 */
export async function generateCommand(options: GenerateOptions, io: CliIo): Promise<number> {
  const auth = await loadAuth(options.config, io.cwd);
  try {
    const schema = getAuthSchema(auth);
    const text = options.format === 'typeorm' ? typeormMigration(schema, options.dialect) : schemaSql(schema, options.dialect);
    if (!options.out) {
      io.out(text.trimEnd());
      return 0;
    }
    const path = resolve(io.cwd, options.out);
    writeFileSync(path, text);
    io.err(`Wrote ${options.format === 'typeorm' ? 'a TypeORM migration' : `${options.dialect} SQL`} for ${schema.tables.length} tables (${schema.tables.map((table) => table.name).join(', ')}) to ${path}`);
    return 0;
  } finally {
    await auth.context.db.close();
  }
}
