import type { StandardInvitation } from '../standard-fields';
import { StandardColumn } from './standard-column';

/** The standard invitation fields with their columns. @example @Entity('invitation') @AuthInvitation() class AppInvitation extends BaseInvitation {} */
export abstract class BaseInvitation implements StandardInvitation {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'organization_id', type: 'string', index: true }) organizationId!: string;
  @StandardColumn({ name: 'email', type: 'string', index: true }) email!: string;
  @StandardColumn({ name: 'role', type: 'string', default: 'member' }) role!: string;
  @StandardColumn({ name: 'status', type: 'string', default: 'pending' }) status!: string;
  @StandardColumn({ name: 'inviter_id', type: 'string' }) inviterId!: string;
  @StandardColumn({ name: 'expires_at', type: 'date' }) expiresAt!: Date;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
}
