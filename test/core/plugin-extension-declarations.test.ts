import { BetterAuth, ConfigError, type AuthContext, type AuthPlugin } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, EmailVerificationPlugin, MemoryEmailSender } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';

/** A plugin that only declares password lengths, or installs an email-change verifier, as a third party would. */
function plugin(id: string, extra: Partial<AuthPlugin> & { onInit?: (auth: AuthContext) => void } = {}): AuthPlugin {
  return { id, routes: () => [], init: extra.onInit, passwordLengths: extra.passwordLengths };
}

const build = (...plugins: AuthPlugin[]) =>
  plugins.reduce((builder, next) => builder.plugin(next), new BetterAuth({ secret: TEST_SECRET, emailSender: new MemoryEmailSender() }).database(new MemoryDatabaseAdapter())).build();

describe('password lengths are a declaration every flow reads from core', () => {
  it('are better-auth’s 8 to 128 characters when no plugin declares any', () => {
    expect(build().context.passwordLengths).toEqual({ min: 8, max: 128 });
  });

  it('are the email-password plugin’s options when it is installed', () => {
    expect(build(new EmailPasswordPlugin({ minPasswordLength: 12, maxPasswordLength: 64 })).context.passwordLengths).toEqual({ min: 12, max: 64 });
  });

  it('come from any plugin that declares them, without it being the email-password plugin', () => {
    expect(build(plugin('strict-passwords', { passwordLengths: { min: 20, max: 200 } })).context.passwordLengths).toEqual({ min: 20, max: 200 });
  });

  it('refuse to build when two plugins declare them, naming both', () => {
    expect(() => build(new EmailPasswordPlugin(), plugin('strict-passwords', { passwordLengths: { min: 20, max: 200 } }))).toThrow(ConfigError);
    expect(() => build(new EmailPasswordPlugin(), plugin('strict-passwords', { passwordLengths: { min: 20, max: 200 } }))).toThrow(
      /"email-password" and "strict-passwords"/,
    );
  });
});

describe('email changes are verified through an extension point, not by change-email knowing a plugin', () => {
  it('has no verifier without a plugin that installs one, so the change applies at once', () => {
    expect(build().context.hooks.emailChangeVerifier).toBeNull();
  });

  it('gets the email-verification plugin’s verifier when that plugin is installed', () => {
    expect(build(new EmailVerificationPlugin()).context.hooks.emailChangeVerifier).toEqual({ start: expect.any(Function) });
  });

  it('refuses a second verifier, since two would each send links for one change', () => {
    const other = plugin('other-verifier', { onInit: (auth) => auth.hooks.verifyEmailChangesWith({ start: async () => undefined }) });
    expect(() => build(new EmailVerificationPlugin(), other)).toThrow(/verified by another plugin already/);
  });
});
