import type { AuthContext } from '../../core/auth-context';
import { CachedSessionStore } from '../../core/cached-session-store';
import type { DatabaseHooks } from '../../core/database-hooks';
import type { SecondaryStorage } from '../../core/secondary-storage';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { StorageSessionStore } from './storage-session-store';
import { StorageVerificationStore } from './storage-verification-store';

// Revocation marks outlive any session they could concern.
const MIN_REVOCATION_TTL_SECONDS = 24 * 60 * 60;

/** What lives where once a secondary storage is configured (from `AuthConfig`). */
export interface SecondaryStoragePluginOptions {
  /** Sessions also in the database, the system of record (default true); `false`: only in the storage. */
  storeSessionInDatabase?: boolean;
  /** Verification values in the database rather than the storage (default false). */
  storeVerificationInDatabase?: boolean;
}

/**
 * Puts sessions (with their user) and verification values in the secondary storage: mounted by
 * `BetterAuth.build()` when `AuthConfig.secondaryStorage` is set. It installs a session store (a cache in
 * front of the database, or the storage alone) and a verification store, and drops a user's cached copy
 * whenever the user changes, so a changed role or a ban is seen at once.
 */
export class SecondaryStoragePlugin implements AuthPlugin {
  readonly id = 'secondary-storage';
  private store: CachedSessionStore | StorageSessionStore | undefined;

  constructor(
    private readonly storage: SecondaryStorage,
    private readonly options: SecondaryStoragePluginOptions = {},
  ) {}

  init(auth: AuthContext): void {
    const revocationTtlSeconds = Math.max(MIN_REVOCATION_TTL_SECONDS, Math.ceil(auth.config.session.expiresInMs / 1000));
    auth.useSessionStore((database) => {
      this.store =
        this.options.storeSessionInDatabase === false
          ? new StorageSessionStore(this.storage, auth.db, { revocationTtlSeconds })
          : new CachedSessionStore(database, this.storage, auth.models, auth.config.logger, {
              revocationTtlSeconds,
              recheckAfterMs: auth.config.session.recheckAfterMs,
            });
      return this.store;
    });
    if (!this.options.storeVerificationInDatabase) {
      auth.useVerificationStore((database) => new StorageVerificationStore(this.storage, database, auth.config.logger));
    }
  }

  routes(): RouteDefinition[] {
    return [];
  }

  readonly databaseHooks: DatabaseHooks = {
    user: {
      update: { after: async (record) => this.userChanged(record.id) },
      delete: { after: async (record) => this.userDeleted(record.id) },
    },
  };

  close(): void {
    if (this.store instanceof CachedSessionStore) this.store.close();
  }

  private async userChanged(userId: string | undefined): Promise<void> {
    if (userId) await builtPart('SecondaryStoragePlugin', this.store).userChanged(String(userId));
  }

  // In the database a user's sessions go with the user (a cascade); in the storage alone they are revoked here.
  private async userDeleted(userId: string | undefined): Promise<void> {
    await this.userChanged(userId);
    if (userId && this.store instanceof StorageSessionStore) await this.store.deleteForUser(String(userId));
  }
}
