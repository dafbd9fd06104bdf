import { Global, Inject, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { hideAuthBody } from './auth-body-guard';
import { AuthGuard } from './auth-guard';
import { AuthRoutesMiddleware } from './auth-routes-middleware';
import { AuthService } from './auth-service';
import type { AnyAuth, AuthModuleAsyncOptions, AuthModuleBehaviour, AuthModuleOptions } from './options';
import { AUTH, AUTH_MODULE_OPTIONS } from './tokens';

/**
 * Auth for a Nest app: serves the auth routes at the instance's base path (which must lie below Nest's global
 * prefix, if any: with `setGlobalPrefix('api')`, the default `/api/auth` does), guards every route globally
 * (see `AuthGuard`), and provides `AuthService` and the instance (`@Inject(AUTH)`) everywhere.
 * Works on Nest's Express and Fastify platforms alike.
 * @example
 * @Module({ imports: [AuthModule.forRoot({ auth })], controllers: [ProfileController] })
 * export class AppModule {}
 */
@Global()
@Module({})
export class AuthModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(AUTH) private readonly auth: AnyAuth, adapterHost: HttpAdapterHost) {
    // The adapter exists before the app initialises, which is when Express gets Nest's body parsers: a
    // middleware added now runs ahead of them (see auth-body-guard.ts). `init$` replays, so the order in
    // which Nest creates the adapter and this module does not matter.
    adapterHost.init$.subscribe(() => {
      const adapter = adapterHost.httpAdapter;
      if (adapter?.getType() === 'express') adapter.use(hideAuthBody(auth.context.config.basePath));
    });
  }

  /** With an instance built beforehand. */
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const { auth, ...behaviour } = options;
    return AuthModule.withProviders([{ provide: AUTH, useValue: auth }], behaviour);
  }

  /**
   * With an instance built by a factory from injected providers, e.g. on the app's own TypeORM `DataSource`
   * (one pool for the app and auth).
   * @example
   * AuthModule.forRootAsync({ inject: [DataSource], useFactory: (dataSource: DataSource) => buildAuth(TypeOrmAdapter.fromDataSource(dataSource, entities)) })
   */
  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    const { imports, inject, useFactory, ...behaviour } = options;
    const factory = useFactory as (...injected: unknown[]) => AnyAuth | Promise<AnyAuth>;
    return { ...AuthModule.withProviders([{ provide: AUTH, inject: inject ?? [], useFactory: factory }], behaviour), imports: imports ?? [] };
  }

  private static withProviders(authProvider: Provider[], behaviour: AuthModuleBehaviour): DynamicModule {
    const guard: Provider[] = behaviour.globalGuard === false ? [] : [{ provide: APP_GUARD, useExisting: AuthGuard }];
    return {
      module: AuthModule,
      providers: [...authProvider, { provide: AUTH_MODULE_OPTIONS, useValue: behaviour }, AuthGuard, AuthService, AuthRoutesMiddleware, ...guard],
      exports: [AUTH, AUTH_MODULE_OPTIONS, AuthGuard, AuthService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Every path below the global prefix: Nest prefixes middleware routes as it does controllers, and the
    // middleware itself passes on what lies outside the base path.
    consumer.apply(AuthRoutesMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }

  /** Stops the instance's own work (expired-row purge, background emails) when the app closes; the database is the app's. */
  async onApplicationShutdown(): Promise<void> {
    await this.auth.close();
  }
}
