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
): Promise<SessionWithUser<S, U> | null> {
  const query = sessions.select('s', 's');
  users.select('u', 'u', query);
  query.innerJoin(users.map.target, 'u', `${users.ref('id', 'u')} = ${sessions.ref('userId', 's')}`);
  sessions.where(query, [eq('token', token)], 's');
  const row = await sessions.read(() => query.limit(1).getRawOne<Record<string, unknown>>());
  return row ? { session: sessions.hydrate(row, 's'), user: users.hydrate(row, 'u') } : null;
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
