/** The seven kinds of record the auth engine stores. Each user class is tagged with exactly one. */
export type EntityKind =
  | 'user'
  | 'session'
  | 'account'
  | 'organization'
  | 'member'
  | 'invitation'
  | 'verification';

export const ENTITY_KINDS: readonly EntityKind[] = Object.freeze([
  'user',
  'session',
  'account',
  'organization',
  'member',
  'invitation',
  'verification',
]);

/** The decorator that tags a class of each kind, for error messages that tell the user what to write. */
export const KIND_DECORATOR_NAMES: Readonly<Record<EntityKind, string>> = Object.freeze({
  user: '@AuthUser()',
  session: '@AuthSession()',
  account: '@AuthAccount()',
  organization: '@AuthOrganization()',
  member: '@AuthMember()',
  invitation: '@AuthInvitation()',
  verification: '@AuthVerification()',
});
