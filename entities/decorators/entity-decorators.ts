import type { EntityKind } from '../entity-kind';
import { getMetadataStorage } from '../metadata-storage';

/**
 * One factory for the seven class decorators: they differ only in the kind they record.
 * Recording is all they do; the model builder validates the class when an adapter is built.
 */
function tagKind(kind: EntityKind): () => ClassDecorator {
  return () => (target) => {
    getMetadataStorage().kinds.push(Object.freeze({ target, kind }));
  };
}

/**
 * Marks a class as the user entity.
 * @example
 * @AuthUser() class AppUser extends BaseUser { @AuthDefault('free') plan!: string }
 */
export const AuthUser = tagKind('user');
/** Marks a class as the session entity. @example @AuthSession() class AppSession extends BaseSession {} */
export const AuthSession = tagKind('session');
/** Marks a class as the account entity (credentials and linked providers). @example @AuthAccount() class AppAccount extends BaseAccount {} */
export const AuthAccount = tagKind('account');
/** Marks a class as the organization entity. @example @AuthOrganization() class AppOrg extends BaseOrganization {} */
export const AuthOrganization = tagKind('organization');
/** Marks a class as the organization member entity. @example @AuthMember() class AppMember extends BaseMember {} */
export const AuthMember = tagKind('member');
/** Marks a class as the organization invitation entity. @example @AuthInvitation() class AppInvitation extends BaseInvitation {} */
export const AuthInvitation = tagKind('invitation');
/** Marks a class as the verification-token entity. @example @AuthVerification() class AppVerification extends BaseVerification {} */
export const AuthVerification = tagKind('verification');
