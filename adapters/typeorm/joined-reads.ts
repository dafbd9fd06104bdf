import type { SessionWithUser } from '../inputs';
import { eq, type SqlTable } from './sql-table';

/**
 * A session and its user in one statement: `sessions INNER JOIN users ON users.id = sessions.user_id`,
 * found through the unique index on the token. The hot path of every authenticated request, so one round trip.
 * @example
 * await readSessionWithUser(tables.sessions, tables.users, digest); // { session, user } | null
 */
export async function readSessionWithUser<S extends object, U extends object>(
  sessions: SqlTable<S>,
  users: SqlTable<U>,
  token: string,
  cache?: JoinedReadCache,
): Promise<SessionWithUser<S, U> | null> {
  const statement = (cache ? cache.sessionWithUser : undefined) ?? buildSessionWithUser(sessions, users);
  if (cache && !cache.sessionWithUser) cache.sessionWithUser = statement;
  const rows = await sessions.read(() => sessions.runFixedRead(statement.sql, [sessions.parameter('token', token)], statement.aliases));
  const row = rows[0];
  return row ? { session: sessions.hydrateArray(row, 0), user: users.hydrateArray(row, sessions.map.columns.length) } : null;
}

/** Statements built once per adapter (SQL text and row hydration), shared with its transactions. */
export interface JoinedReadCache {
  sessionWithUser?: SessionWithUserStatement;
}

interface SessionWithUserStatement {
  /** The dialect's SQL, with one bound parameter: the token. */
  readonly sql: string;
  /** The select list: every session column (`s0`, `s1`, …), then every user column (`u0`, …). */
  readonly aliases: readonly string[];
}

/**
 * The session ⋈ user SELECT, written once by TypeORM's query builder (escaping, table paths, placeholders of
 * the dialect) and run afterwards as plain parameterised text: rebuilding it per request costs more than the query.
 */
function buildSessionWithUser<S extends object, U extends object>(sessions: SqlTable<S>, users: SqlTable<U>): SessionWithUserStatement {
  const query = sessions.select('s', 's');
  users.select('u', 'u', query);
  query.innerJoin(users.map.target, 'u', `${users.ref('id', 'u')} = ${sessions.ref('userId', 's')}`);
  sessions.where(query, [eq('token', '')], 's');
  const [sql, parameters] = query.limit(1).getQueryAndParameters();
  if (parameters.length !== 1) throw new Error(`the session lookup should bind one parameter, not ${parameters.length}`);
  const aliases = [...sessions.map.columns.map((_column, index) => `s${index}`), ...users.map.columns.map((_column, index) => `u${index}`)];
  return { sql, aliases };
}

/**
 * The organizations a user belongs to, in the order the user joined them: one statement joining memberships
 * (found through the `member.user_id` index) to their organizations.
 * @example
 * await readOrganizationsOfUser(tables.organizations, tables.members, userId);
 */
export async function readOrganizationsOfUser<O extends object, M extends object>(
  organizations: SqlTable<O>,
  members: SqlTable<M>,
  userId: string,
): Promise<O[]> {
  const query = organizations.select('o', 'c');
  query.innerJoin(members.map.target, 'm', `${members.ref('organizationId', 'm')} = ${organizations.ref('id', 'o')}`);
  members.where(query, [eq('userId', userId)], 'm');
  query.orderBy(members.ref('createdAt', 'm'), 'ASC').addOrderBy(members.ref('id', 'm'), 'ASC');
  const rows = await organizations.read(() => query.getRawMany<Record<string, unknown>>());
  return rows.map((row) => organizations.hydrate(row, 'c'));
}
