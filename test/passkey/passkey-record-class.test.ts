import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BetterAuth } from 'better-auth-entities';
import { AuthDefault, AuthField, AuthRecord } from 'better-auth-entities/entities';
import { EmailPasswordPlugin, PasskeyPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { Browser } from '../support/browser';
import { generatedBackends, type AnyDatabase } from '../support/generated-backends';
import { ORIGIN, TEST_SECRET } from '../support/test-auth';
import { newAuthenticator, registerPasskey, signInWithPasskey, signedUpBrowser } from './passkey-auth';

/*
 * The passkey plugin storing credentials through the app's own class (its table and column names, a renamed
 * property, a column of its own), with no change to the plugin: registration, listing and sign-in.
 */

@Entity('webauthn_credentials', { synchronize: false })
@AuthRecord('passkey')
class AppPasskey {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) name!: string | null;
  @Column({ name: 'public_key', type: 'text' }) publicKey!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 255 }) userId!: string;
  @Column({ name: 'credential_id', type: 'varchar', length: 255 }) @AuthField('credentialID') credentialId!: string;
  @Column({ type: 'bigint' }) counter!: number;
  @Column({ name: 'device_type', type: 'varchar', length: 32 }) deviceType!: string;
  @Column({ name: 'backed_up', type: 'boolean' }) backedUp!: boolean;
  @Column({ type: 'varchar', length: 255, nullable: true }) transports!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) aaguid!: string | null;
  @Column({ name: 'created_at', type: Date, nullable: true }) createdAt!: Date | null;
  /** The app's own column: no plugin write names it. */
  @Column({ name: 'registered_from', type: 'varchar', length: 40, default: 'unknown' }) @AuthDefault('web-app') registeredFrom!: string;
}

const entities = { ...appEntities, records: [AppPasskey] };

function authOn(database: AnyDatabase) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new PasskeyPlugin())
    .build();
}

const APP_VIEW = {
  name: 'webauthn_credentials',
  columns: [
    { field: 'credentialID', name: 'credential_id', type: 'string' as const },
    { field: 'userId', name: 'user_id', type: 'string' as const },
    { field: 'counter', name: 'counter', type: 'number' as const },
    { field: 'registeredFrom', name: 'registered_from', type: 'string' as const },
  ],
};

describe.each(generatedBackends('pkclass', entities, authOn))("passkeys through the app's own AppPasskey class on %s", (_name, open) => {
  let database: AnyDatabase;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database?.close());

  it('registration stores the credential in the class table, the list answers the plugin shape, and a sign-in with it raises its counter', async () => {
    const auth = authOn(database);
    const setup = { auth, database, passkeys: () => auth.context.records('passkey') } as never;
    const { browser, email, userId } = await signedUpBrowser(setup);
    const authenticator = newAuthenticator();
    const registered = await registerPasskey(browser, authenticator, 'Laptop');
    expect(registered.status).toBe(200);

    const listed = await browser.get('/passkey/list-user-passkeys');
    expect(listed.status).toBe(200);
    expect(listed.json).toHaveLength(1);
    expect(listed.json[0]).toMatchObject({ name: 'Laptop', userId });
    expect(Object.keys(listed.json[0])).not.toContain('registeredFrom');
    const credentialID = listed.json[0].credentialID as string;

    const row = await database.records!(APP_VIEW).findOne({ credentialID });
    expect(row).toMatchObject({ userId, registeredFrom: 'web-app' });

    const visitor = new Browser(auth.handler);
    expect((await signInWithPasskey(visitor, authenticator, { counter: 7 })).status).toBe(200);
    expect((await visitor.get('/get-session')).json.user).toMatchObject({ id: userId, email });
    expect((await database.records!(APP_VIEW).findOne({ credentialID }))?.counter).toBe(7);
  });
});
