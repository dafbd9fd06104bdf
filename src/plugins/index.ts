export type { AuthPlugin } from './auth-plugin';
export { EmailPasswordPlugin } from './email-password/email-password-plugin';
export type { EmailPasswordOptions } from './email-password/options';
export { CREDENTIAL_PROVIDER } from './email-password/sign-up';
export { SessionManagementPlugin } from './session-management/session-management-plugin';
export type { SessionManagementOptions } from './session-management/options';
