import type { StandardSession } from '../standard-fields';
import { StandardColumn } from './standard-column';

/** The standard session fields with their columns. @example @Entity('sessions') @AuthSession() class AppSession extends BaseSession {} */
export abstract class BaseSession implements StandardSession {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'token', type: 'string', unique: true }) token!: string;
  @StandardColumn({ name: 'user_id', type: 'string', index: true }) userId!: string;
  @StandardColumn({ name: 'expires_at', type: 'date' }) expiresAt!: Date;
  @StandardColumn({ name: 'ip_address', type: 'string', nullable: true }) ipAddress!: string | null;
  @StandardColumn({ name: 'user_agent', type: 'string', nullable: true, long: true }) userAgent!: string | null;
  @StandardColumn({ name: 'impersonated_by', type: 'string', nullable: true }) impersonatedBy!: string | null;
  @StandardColumn({ name: 'active_organization_id', type: 'string', nullable: true }) activeOrganizationId!: string | null;
  @StandardColumn({ name: 'active', type: 'boolean', default: true }) active!: boolean;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
  @StandardColumn({ name: 'updated_at', type: 'date', timestamp: 'update' }) updatedAt!: Date;
}
