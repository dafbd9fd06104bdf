import { Body, Controller, Get, Inject, Module, Post, Req } from '@nestjs/common';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AdminPlugin, EmailPasswordPlugin, OrganizationPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { AuthModule, AuthService, CurrentSession, CurrentUser, OptionalAuth, OrgRoles, Public, Roles, type SessionAndUser } from 'better-auth-entities/nest';
import { AuthDefault, AuthField, AuthUser, BaseUser } from 'better-auth-entities/entities';
import { appEntities, type AppSession } from '../../examples/entities';
import { ADMIN } from './nest-test-constants';

/** The Nest app the suite drives over HTTP (see nest-server.ts): the example's entities, the admin plugin for roles. */
export const TEST_SECRET = 'nest-test-secret-with-more-than-thirty-two-characters';

/** The app's own user class: the admin plugin's fields (from BaseUser) and a billing plan no form may set. */
@AuthUser()
export class AppUser extends BaseUser {
  @AuthDefault('free')
  @AuthField({ input: false })
  plan!: string;
}

/** The instance the module's factory builds; its type names the plugins' APIs for `AuthService<AppAuth>`. */
export function buildAuth(baseURL: string, basePath?: string) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL, ...(basePath ? { basePath } : {}) })
    .database(new MemoryDatabaseAdapter({ ...appEntities, user: AppUser }))
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new AdminPlugin())
    .plugin(new OrganizationPlugin())
    .build();
}
export type AppAuth = ReturnType<typeof buildAuth>;

/** What the factory receives through Nest's injector, standing for the app's config service. */
export const SERVER_SETTINGS = Symbol('server settings');
export interface ServerSettings {
  baseURL: string;
  basePath?: string;
}

@Controller()
class ProfileController {
  constructor(@Inject(AuthService) private readonly authService: AuthService<AppAuth>) {}

  @Get('profile')
  profile(@CurrentUser() user: AppUser, @CurrentSession() current: SessionAndUser<AppUser, AppSession>) {
    return { email: user.email, plan: user.plan, isAppUser: user.constructor.name, device: current.session.deviceLabel };
  }

  @Public()
  @Get('health')
  health() {
    return { ok: true };
  }

  @OptionalAuth()
  @Get('whoami')
  whoami(@CurrentUser() user: AppUser | null) {
    return { signedIn: user !== null, email: user?.email ?? null };
  }

  @Roles('admin')
  @Get('admin/stats')
  async stats() {
    // The typed plugin API through the injected service.
    const { total } = await this.authService.api.admin.listUsers();
    return { admin: true, users: total };
  }

  @OrgRoles('owner')
  @Get('org/settings')
  orgSettings() {
    return { owner: true };
  }

  @Post('notes')
  note(@CurrentUser() user: AppUser) {
    return { savedFor: user.email };
  }

  /** The app's own JSON body, as Nest's body parser read it (auth routes read theirs themselves). */
  @Public()
  @Post('echo')
  echo(@Body() body: unknown) {
    return { received: body };
  }

  @Get('session-from-service')
  async fromService(@Req() request: { headers: Record<string, string | string[] | undefined> }) {
    const current = await this.authService.api.getSession({ headers: request.headers });
    return { plan: current?.user.plan ?? null };
  }
}

@Module({
  providers: [{ provide: SERVER_SETTINGS, useFactory: () => JSON.parse(process.env.NEST_TEST_SETTINGS ?? '{}') as ServerSettings }],
  exports: [SERVER_SETTINGS],
})
class SettingsModule {}

@Module({
  imports: [
    AuthModule.forRootAsync({
      imports: [SettingsModule],
      inject: [SERVER_SETTINGS],
      useFactory: async (settings: ServerSettings) => {
        const auth = buildAuth(settings.baseURL, settings.basePath);
        await auth.api.admin.createUser({ ...ADMIN, role: 'admin' });
        return auth;
      },
    }),
  ],
  controllers: [ProfileController],
})
export class TestAppModule {}
