import type { AuthContext } from '../../core/auth-context';
import { sendLinkEmail } from '../../email/send-email';
import type { EmailTemplate } from '../../email/templates';
import { idOf } from './memberships';
import type { ResolvedOrganizationOptions } from './options';

export const INVITATION_EMAIL = 'organization:invitation';

/** The default wording; the engine's layout adds the link and how long it stays valid. */
export const invitationTemplates: Record<string, EmailTemplate> = {
  [INVITATION_EMAIL]: {
    subject: 'You are invited to join an organization',
    intro: 'You have been invited to join an organization.',
    action: 'See the invitation',
    outro: 'If you did not expect this invitation, ignore this email.',
  },
};

/** Where the invitee accepts: the app's page, by default `<origin>/accept-invitation/<id>`. */
export function invitationUrl(auth: AuthContext, options: ResolvedOrganizationOptions, invitationId: string): string {
  return options.invitationUrl ? options.invitationUrl(invitationId) : new URL(`/accept-invitation/${encodeURIComponent(invitationId)}`, auth.config.baseURL).href;
}

/**
 * Tells the invitee: through the app's `sendInvitationEmail` when given (its errors fail the request, as in
 * better-auth), else through the configured `emailSender` (never failing the request), else not at all.
 */
export async function sendInvitation(
  auth: AuthContext,
  options: ResolvedOrganizationOptions,
  parts: { invitation: object; organization: object; inviter: { member: object; user: object } },
): Promise<void> {
  const { invitation, organization } = parts;
  const id = idOf(auth, 'invitation', invitation);
  const email = String(auth.models.invitation.read(invitation, 'email'));
  const role = String(auth.models.invitation.read(invitation, 'role'));
  const url = invitationUrl(auth, options, id);
  if (options.sendInvitationEmail) {
    await options.sendInvitationEmail({ id, email, role, organization, inviter: parts.inviter, invitation, url });
    return;
  }
  if (!auth.config.emailSender) return;
  const inviter = auth.models.user.read(parts.inviter.user, 'name') || auth.models.user.read(parts.inviter.user, 'email');
  const name = String(auth.models.organization.read(organization, 'name'));
  const expiresAt = auth.models.invitation.read(invitation, 'expiresAt').getTime();
  await sendLinkEmail(auth, {
    kind: INVITATION_EMAIL,
    to: email,
    url,
    token: id,
    expiresInSeconds: Math.max(1, Math.round((expiresAt - Date.now()) / 1000)),
    detail: `${inviter} invited you to ${name} as ${role}.`,
  });
}
