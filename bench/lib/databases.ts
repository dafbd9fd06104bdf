import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL server the bench uses (trust auth on the local service); override with BENCH_PG_URL. */
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh, empty database per contender, so neither sees the other's rows or the other engineers' test data.
 * Resolves the URL of each, or the reason PostgreSQL rows are skipped (the service is not running).
 */
export async function freshPostgresDatabases<Name extends string>(names: readonly Name[]): Promise<Record<Name, string> | string> {
  const admin = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL is not reachable at ${ADMIN_URL.replace(/\/\/[^@]*@/, '//')} (${(error as Error).message})`;
  }
  try {
    const urls = {} as Record<Name, string>;
    for (const name of names) {
      const database = `bench_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${database}`;
      urls[name] = url.toString();
    }
    return urls;
  } finally {
    await admin.end();
  }
}

/** A scratch directory for SQLite files (on disk, as a real deployment would be), removed by `dispose`. */
export function scratchDirectory(): { path(file: string): string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'bae-bench-'));
  return { path: (file) => join(root, file), dispose: () => rmSync(root, { recursive: true, force: true }) };
}
