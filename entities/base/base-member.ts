import type { StandardMember } from '../standard-fields';
import { StandardColumn } from './standard-column';

/** The standard organization-member fields with their columns. @example @Entity('member') @AuthMember() class AppMember extends BaseMember {} */
export abstract class BaseMember implements StandardMember {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'organization_id', type: 'string' }) organizationId!: string;
  @StandardColumn({ name: 'user_id', type: 'string' }) userId!: string;
  @StandardColumn({ name: 'role', type: 'string', default: 'member' }) role!: string;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
}
