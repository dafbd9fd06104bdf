import { defineRoute, type RouteDefinition } from '../../http/route';
import { addressOf } from './address';
import { RequestPasswordResetOtpDto, SendVerificationOtpDto, SuccessResponse } from './dtos';
import type { EmailOtpPlugin } from './email-otp-plugin';
import type { OtpType } from './otp-types';

/**
 * `POST /email-otp/send-verification-otp` `{ email, type }` → `{ success: true }`. A sign-in code goes to any
 * address (the code signs it up) unless `disableSignUp`; the other types only to addresses with a user. The
 * answer is built before anything is looked up, so it and its timing are the same for every address.
 */
export function sendVerificationOtpRoute(plugin: EmailOtpPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/email-otp/send-verification-otp',
    summary: 'Email a one-time code (sign-in, email verification or password reset)',
    body: SendVerificationOtpDto,
    response: { body: SuccessResponse },
    errors: ['INVALID_EMAIL'],
    handle: async (ctx, dto: SendVerificationOtpDto) => {
      const email = addressOf(dto.email);
      sendInBackground(plugin, ctx.auth.tasks, email, dto.type);
      return { success: true };
    },
  });
}

/** `POST /email-otp/request-password-reset` and its older name `POST /forget-password/email-otp` `{ email }` → `{ success: true }`. */
export function requestPasswordResetOtpRoutes(plugin: EmailOtpPlugin): RouteDefinition[] {
  return ['/email-otp/request-password-reset', '/forget-password/email-otp'].map((path) =>
    defineRoute({
      method: 'POST',
      path,
      summary: path === '/forget-password/email-otp' ? 'Email a password reset code (older name)' : 'Email a password reset code',
      body: RequestPasswordResetOtpDto,
      response: { body: SuccessResponse },
      errors: ['INVALID_EMAIL'],
      handle: async (ctx, dto: RequestPasswordResetOtpDto) => {
        sendInBackground(plugin, ctx.auth.tasks, addressOf(dto.email), 'forget-password');
        return { success: true };
      },
    }),
  );
}

function sendInBackground(plugin: EmailOtpPlugin, tasks: { run(label: string, task: () => Promise<void>): void }, email: string, type: OtpType): void {
  tasks.run(`${type} code`, () => plugin.sendCode(email, type));
}
