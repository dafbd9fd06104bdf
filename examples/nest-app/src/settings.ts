/**
 * What the example reads from its environment, in one place. The base URL follows the port unless BASE_URL
 * says otherwise: the auth checks each cookie request's Origin against it, so `PORT=4401` alone must make
 * `http://localhost:4401` the trusted origin, or the app's own pages get 403 INVALID_ORIGIN.
 */
export const settings = {
  port: Number(process.env.PORT || 3000),
  get baseURL(): string {
    return process.env.BASE_URL || `http://localhost:${this.port}`;
  },
  /** `PLATFORM=fastify` (or `--fastify`) serves the same app on Nest's Fastify platform instead of Express. */
  platform: process.env.PLATFORM === 'fastify' || process.argv.includes('--fastify') ? ('fastify' as const) : ('express' as const),
  /**
   * Users who may act as admins before anyone has the admin role (the admin plugin's `adminUserIds`): sign up,
   * put your user id here, restart, and give yourself the role with `POST /api/auth/admin/set-role`.
   */
  adminUserIds: (process.env.ADMIN_USER_IDS ?? '').split(',').map((id) => id.trim()).filter(Boolean),
};
