import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import { generateId } from '../../../adapters/generate-id';
import type { CreateSessionData, SessionWithUser, UpdateSessionData } from '../../../adapters/inputs';
import { decodeEntity } from '../../core/entity-codec';
import type { SecondaryStorage } from '../../core/secondary-storage';
import type { SessionStore } from '../../core/session-store';
import { UserIndex } from './user-index';

export interface StorageSessionStoreOptions {
  /** How long per-user marks (revoked-before, the session index) are kept: at least the longest session lifetime. */
  revocationTtlSeconds: number;
  /** The longest a user stays cached beside its sessions (default 3600 s). */
  userTtlSeconds?: number;
}

/** A session as stored: its fields, and the moment (epoch ms) it counts as created for "revoked up to" marks. */
interface Entry {
  session: Record<string, unknown>;
  validFrom: number;
}

const key = {
  session: (digest: string) => `session:${digest}`,
  digestOf: (id: string) => `session-id:${id}`,
  deleted: (id: string) => `session-deleted:${id}`,
  user: (userId: string) => `session-user:${userId}`,
  userVersion: (userId: string) => `session-user-version:${userId}`,
  revokedBefore: (userId: string) => `session-revoked-before:${userId}`,
};

/**
 * Whether a "revoked up to" mark (epoch ms) covers a session. Inclusive: times are milliseconds, and a session
 * created in the very millisecond of a revoke-all, before it, must not survive it. A session created after the
 * mark was written is stamped past it (see `create`), so inclusiveness never refuses a later sign-in.
 */
const coveredBy = (validFrom: number, revokedUpTo: string | null): boolean => revokedUpTo !== null && validFrom <= Number(revokedUpTo);

/**
 * Sessions kept only in the secondary storage, not in the database (`session.storeSessionInDatabase: false`).
 * Each lives under its token digest with a TTL to its expiry; the user is read from the database and cached
 * beside it. The storage is then required: while it is away nobody can sign in or be recognised.
 *
 * How every revocation holds across processes without a database row to delete:
 * - one session: its key is deleted (gone for every process at once), after a `session-deleted:<id>` mark
 *   that an update racing the delete reads after writing, so it cannot bring the session back;
 * - all of a user's sessions (revoke-all, ban, password change, user deletion): a "revoked up to" time per
 *   user that every lookup reads with the user, so sessions missing from the index are refused too; the one
 *   kept (the caller's own) is first moved past that time, and a session created later is stamped past it;
 * - a changed user: its cached copy is dropped after a version bump that a racing fill checks (see `loadUser`).
 */
export class StorageSessionStore implements SessionStore {
  private readonly index: UserIndex;

  constructor(
    private readonly storage: SecondaryStorage,
    private readonly db: DatabaseAdapter,
    private readonly options: StorageSessionStoreOptions,
  ) {
    this.index = new UserIndex(storage, options.revocationTtlSeconds);
  }

  private get model() {
    return this.db.models.session;
  }

  async create(data: CreateSessionData<object>): Promise<object> {
    const session = decodeEntity(this.model, { ...data, id: generateId() } as Record<string, unknown>);
    const id = this.idOf(session);
    const digest = this.model.read(session, 'token');
    // Past any mark already written: a revoke-all that answered in this same millisecond must not refuse it.
    const revokedUpTo = Number(await this.storage.get(key.revokedBefore(this.userIdOf(session)))) || 0;
    await this.write(session, Math.max(Date.now(), revokedUpTo + 1));
    await this.index.add(this.userIdOf(session), { id, digest });
    return session;
  }

  async findWithUser(tokenDigest: string): Promise<SessionWithUser<object, object> | null> {
    const raw = await this.storage.get(key.session(tokenDigest));
    if (!raw) return null;
    const entry = JSON.parse(raw) as Entry;
    const session = decodeEntity(this.model, entry.session);
    const userId = this.userIdOf(session);
    const [cachedUser, revokedBefore, version] = await this.storage.getMany([key.user(userId), key.revokedBefore(userId), key.userVersion(userId)]);
    if (coveredBy(entry.validFrom, revokedBefore)) return null;
    const user = cachedUser ? decodeEntity(this.db.models.user, JSON.parse(cachedUser) as Record<string, unknown>) : await this.loadUser(userId, version);
    return user ? { session, user } : null;
  }

  async update(id: string, data: UpdateSessionData<object>): Promise<object | null> {
    const digest = await this.storage.get(key.digestOf(id));
    const raw = digest ? await this.storage.get(key.session(digest)) : null;
    if (!digest || !raw) return null;
    const entry = JSON.parse(raw) as Entry;
    const session = decodeEntity(this.model, { ...entry.session, ...(data as Record<string, unknown>), id, token: digest });
    await this.write(session, entry.validFrom);
    // Write, then read: a delete that ran meanwhile left its mark, and the session must stay gone.
    if (await this.storage.get(key.deleted(id))) {
      await this.storage.delete(key.session(digest));
      return null;
    }
    // The index lives as long as the longest session: a session that slid forward keeps it alive.
    await this.index.touch(this.userIdOf(session));
    return session;
  }

  async delete(id: string): Promise<boolean> {
    await this.storage.set(key.deleted(id), '1', this.options.revocationTtlSeconds);
    const digest = await this.storage.get(key.digestOf(id));
    if (!digest) return false;
    const raw = await this.storage.take(key.session(digest));
    await this.storage.delete(key.digestOf(id));
    if (raw) await this.index.remove(this.userIdOf(decodeEntity(this.model, (JSON.parse(raw) as Entry).session)), id);
    return raw !== null;
  }

  async deleteForUser(userId: string, options: { exceptSessionId?: string } = {}): Promise<number> {
    const previous = Number(await this.storage.get(key.revokedBefore(userId))) || 0;
    const mark = Math.max(Date.now(), previous);
    // The kept session first, past the mark, so that no moment exists where the mark refuses it.
    if (options.exceptSessionId) await this.spare(options.exceptSessionId, mark + 1);
    await this.storage.set(key.revokedBefore(userId), String(mark), this.options.revocationTtlSeconds);
    let deleted = 0;
    for (const { id } of await this.index.list(userId)) if (id !== options.exceptSessionId && (await this.delete(id))) deleted += 1;
    return deleted;
  }

  async listForUser(userId: string): Promise<object[]> {
    const listed = await this.index.list(userId);
    if (listed.length === 0) return [];
    const [revokedBefore, ...raws] = await this.storage.getMany([key.revokedBefore(userId), ...listed.map(({ digest }) => key.session(digest))]);
    const gone = new Set(listed.filter((_, i) => raws[i] === null).map(({ id }) => id));
    if (gone.size > 0) await this.index.prune(userId, gone);
    return raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as Entry)
      .filter((entry) => !coveredBy(entry.validFrom, revokedBefore))
      .map((entry) => decodeEntity(this.model, entry.session));
  }

  /** Drops the cached user so the next lookup reads it again (after a bump that racing fills check). */
  async userChanged(userId: string): Promise<void> {
    await this.storage.increment(key.userVersion(userId), this.options.revocationTtlSeconds);
    await this.storage.delete(key.user(userId));
  }

  /**
   * Reads the user from the database and caches it. The version is read before the database read and again
   * after the cache write: a change that committed after our read bumped it before dropping the cache, so
   * either we see the bump and drop what we wrote, or its drop comes after our write.
   */
  private async loadUser(userId: string, versionBefore: string | null): Promise<object | null> {
    const user = await this.db.getUserById(userId);
    if (!user) return null;
    const userKey = key.user(userId);
    await this.storage.set(userKey, JSON.stringify(this.db.models.user.toValues(user)), this.options.userTtlSeconds ?? 3600);
    if ((await this.storage.get(key.userVersion(userId))) !== versionBefore) await this.storage.delete(userKey);
    return user;
  }

  private async spare(id: string, from: number): Promise<void> {
    const digest = await this.storage.get(key.digestOf(id));
    const raw = digest ? await this.storage.get(key.session(digest)) : null;
    if (raw) await this.write(decodeEntity(this.model, (JSON.parse(raw) as Entry).session), from);
  }

  private async write(session: object, validFrom: number): Promise<void> {
    const ttl = Math.floor((this.model.read(session, 'expiresAt').getTime() - Date.now()) / 1000);
    if (ttl < 1) return;
    const digest = this.model.read(session, 'token');
    const entry: Entry = { session: this.model.toValues(session), validFrom };
    await this.storage.set(key.digestOf(this.idOf(session)), digest, ttl);
    await this.storage.set(key.session(digest), JSON.stringify(entry), ttl);
  }

  private idOf(session: object): string {
    return String(this.model.read(session, 'id'));
  }

  private userIdOf(session: object): string {
    return String(this.model.read(session, 'userId'));
  }
}
