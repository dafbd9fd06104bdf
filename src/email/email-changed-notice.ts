import type { AuthContext } from '../core/auth-context';
import { sendNoticeEmail } from './send-email';

/**
 * Tells the address an account just left that it left, after the answer: whoever still reads that mailbox
 * is most likely the rightful owner, and the only one who can notice a takeover early.
 */
export function noticeEmailChanged(auth: AuthContext, oldEmail: string, newEmail: string): void {
  auth.tasks.run('email change notice', () => sendNoticeEmail(auth, 'email-changed', oldEmail, `It now uses ${newEmail}.`));
}
