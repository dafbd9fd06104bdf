import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialect } from './dialect';

/** One shipped migration: its version (the file name without `.sql`, e.g. `001_initial`) and its statements. */
export interface MigrationFile {
  readonly version: string;
  readonly path: string;
  readonly statements: readonly string[];
}

/**
 * The folder holding a dialect's shipped SQL. From the sources `__dirname` is `migrations/`; once compiled it is
 * `dist/migrations/`, while the SQL files ship (package.json `files`) in the package's own `migrations/` folder.
 */
export function migrationsDirectory(dialect: Dialect): string {
  const candidates = [join(__dirname, dialect), join(__dirname, '..', '..', 'migrations', dialect)];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`better-auth-entities: no ${dialect} migrations found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * The dialect's migrations in apply order. Versions sort by name, which is why files carry a zero-padded
 * number prefix (`001_`, `002_`, …).
 * @example listMigrations('postgres').map((m) => m.version) // ['001_initial', '002_organization']
 */
export function listMigrations(dialect: Dialect, directory = migrationsDirectory(dialect)): MigrationFile[] {
  return readdirSync(directory)
    .filter((name) => /^\d+_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const path = join(directory, name);
      return { version: name.slice(0, -'.sql'.length), path, statements: splitSqlStatements(readFileSync(path, 'utf8')) };
    });
}

/**
 * Splits a script into statements, dropping comments. Drivers differ on multi-statement queries (sqlite3 runs
 * only the first, mysql2 refuses them unless asked), so every dialect gets one statement per query; that also
 * lets an error name the statement that failed. Handles quotes ('…', "…", `…`) and comments (`--`, `/* *\/`);
 * it is not a general SQL parser (no `$$` bodies, no DELIMITER), which the shipped files do not need.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (let i = 0; i < script.length; i++) {
    const char = script[i];
    if (char === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      current += '\n';
    } else if (char === '/' && script[i + 1] === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 1;
      current += ' ';
    } else if (char === "'" || char === '"' || char === '`') {
      const end = closingQuote(script, i);
      current += script.slice(i, end + 1);
      i = end;
    } else if (char === ';') {
      statements.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  statements.push(current);
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}

/** Index of the quote closing the one at `start`; a doubled quote ('') is an escaped one, not the end. */
function closingQuote(script: string, start: number): number {
  const quote = script[start];
  for (let i = start + 1; i < script.length; i++) {
    if (script[i] !== quote) continue;
    if (script[i + 1] === quote) i++;
    else return i;
  }
  throw new Error(`unterminated ${quote} quote in SQL starting at offset ${start}`);
}
