/**
 * The standard fields of each kind as TypeScript sees them. Base classes implement these; adapter inputs
 * and API responses are written in these names, whatever property a user class maps them to.
 */
import type { EntityKind } from './entity-kind';

export type Metadata = Record<string, unknown>;

export interface StandardUser {
  id: string;
  email: string | null;
  name: string | null;
  emailVerified: boolean;
  image: string | null;
  username: string | null;
  displayUsername: string | null;
  twoFactorEnabled: boolean;
  role: string | null;
  banned: boolean;
  banReason: string | null;
  banExpires: Date | null;
  metadata: Metadata;
  createdAt: Date;
  updatedAt: Date;
}

export interface StandardSession {
  id: string;
  /** SHA-256 digest of the session token (hex); the raw token is never stored. */
  token: string;
  userId: string;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  impersonatedBy: string | null;
  activeOrganizationId: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface StandardAccount {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  scope: string | null;
  /** scrypt hash `saltHex:keyHex` for the credential provider; never leaves the server. */
  password: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StandardOrganization {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  metadata: Metadata;
  createdAt: Date;
  updatedAt: Date;
}

export interface StandardMember {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Date;
}

export type InvitationStatus = 'pending' | 'accepted' | 'rejected' | 'canceled';

export interface StandardInvitation {
  id: string;
  organizationId: string;
  email: string;
  role: string;
  status: InvitationStatus | string;
  inviterId: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface StandardVerification {
  id: string;
  identifier: string;
  value: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Each kind's standard fields, so code generic over a kind can name its interface. */
export interface StandardFieldsByKind {
  user: StandardUser;
  session: StandardSession;
  account: StandardAccount;
  organization: StandardOrganization;
  member: StandardMember;
  invitation: StandardInvitation;
  verification: StandardVerification;
}

/**
 * The standard fields of kind `K`. For a union of kinds (code generic over every kind) it is the union of
 * their interfaces, whose names are only the fields every kind has (`id`, `createdAt`).
 */
export type StandardFieldsOf<K extends EntityKind> = StandardFieldsByKind[K];

/** The name of a standard field of kind `K` (`'emailVerified'` for a user). */
export type StandardFieldName<K extends EntityKind> = keyof StandardFieldsOf<K> & string;
