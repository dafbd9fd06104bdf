export { AuthModule } from './auth-module';
export { AuthGuard } from './auth-guard';
export { AuthService } from './auth-service';
export { Public, OptionalAuth, Roles, OrgRoles } from './route-decorators';
export { CurrentSession, CurrentUser } from './param-decorators';
export { AUTH } from './tokens';
export type { AnyAuth, AuthModuleOptions, AuthModuleAsyncOptions, AuthModuleBehaviour, MemberRoleLookup, OrgRoleQuery, RequestSession } from './options';
export type { SessionAndUser } from '../api/auth-api';
