import { DataSource } from 'typeorm';
import { BetterAuth } from 'better-auth-entities';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { Account, Invitation, Member, Organization, Session, Verification } from 'better-auth-entities/entities';
import { runMigrations } from 'better-auth-entities/migrations';
import { AdminPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { AppUser } from './app-user.entity';
import { settings } from './settings';

/** Every entity the DataSource lists: the app's user class and the built-in classes of the other kinds. */
export const entities = [AppUser, Session, Account, Verification, Organization, Member, Invitation];

/**
 * Auth on the app's own TypeORM DataSource (one pool for both): the shipped migrations, then the app's own
 * column, then the instance. `AuthModule.forRootAsync` calls this with the DataSource TypeOrmModule opened.
 */
export async function createAuth(dataSource: DataSource) {
  await runMigrations(dataSource);
  const runner = dataSource.createQueryRunner();
  if (!(await runner.hasColumn('users', 'plan'))) await runner.query("ALTER TABLE users ADD COLUMN plan VARCHAR(32) NOT NULL DEFAULT 'free'");
  await runner.release();
  return new BetterAuth({
    secret: process.env.AUTH_SECRET ?? 'nest-example-secret-that-is-at-least-32-characters',
    baseURL: settings.baseURL,
  })
    .database(TypeOrmAdapter.fromDataSource(dataSource, { user: AppUser }))
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    // The first admin: a user listed here may call the admin routes (set-role) with no role yet.
    .plugin(new AdminPlugin({ adminUserIds: settings.adminUserIds }))
    .build();
}

export type AppAuth = Awaited<ReturnType<typeof createAuth>>;
