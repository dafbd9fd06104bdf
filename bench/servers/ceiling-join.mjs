/**
 * The ceiling for get-session on a SQL backend: node:http plus one indexed session ⋈ user query per request,
 * with the drivers used bare (better-sqlite3, pg with a 10-connection pool). Usage: ceiling-join.mjs <sqlite|postgres> <path|url>
 */
import { createServer } from 'node:http';
import { announceReady, withLoopProbe } from './protocol.cjs';

const [backend, location] = process.argv.slice(2);
const TOKEN = 'a'.repeat(64);
const SCHEMA = [
  'DROP TABLE IF EXISTS ceiling_session',
  'DROP TABLE IF EXISTS ceiling_user',
  'CREATE TABLE ceiling_user (id varchar(36) PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name varchar(255))',
  `CREATE TABLE ceiling_session (id varchar(36) PRIMARY KEY, token varchar(64) NOT NULL UNIQUE,
     user_id varchar(36) NOT NULL REFERENCES ceiling_user(id), expires_at bigint NOT NULL)`,
  "INSERT INTO ceiling_user VALUES ('u1', 'bench@example.com', 'Bench')",
  `INSERT INTO ceiling_session VALUES ('s1', '${TOKEN}', 'u1', 4102444800000)`,
];
const JOIN = `SELECT s.id, s.expires_at, u.id AS user_id, u.email, u.name
  FROM ceiling_session s JOIN ceiling_user u ON u.id = s.user_id WHERE s.token = `;

/** A function running the join for a token and resolving its row. */
async function openQuery() {
  if (backend === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(location);
    db.pragma('journal_mode = WAL'); // as our adapter and Better Auth's server open theirs
    for (const statement of SCHEMA) db.exec(statement);
    const join = db.prepare(`${JOIN}?`);
    return async (token) => join.get(token);
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: location, max: 10 });
  for (const statement of SCHEMA) await pool.query(statement);
  return async (token) => (await pool.query({ name: 'join', text: `${JOIN}$1`, values: [token] })).rows[0];
}

const query = await openQuery();
const server = createServer(
  withLoopProbe(async (request, response) => {
    const row = await query(TOKEN);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ session: { id: row.id, expiresAt: Number(row.expires_at) }, user: { id: row.user_id, email: row.email, name: row.name } }));
  }),
);
server.listen(0, '127.0.0.1', () => announceReady(server));
