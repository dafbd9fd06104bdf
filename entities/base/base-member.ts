import type { StandardMember } from '../standard-fields';
import { OptionalIndex } from './optional-typeorm';
import { StandardColumn } from './standard-column';

/** The standard organization-member fields with their columns. @example @Entity('member') @AuthMember() class AppMember extends BaseMember {} */
@OptionalIndex(['organizationId', 'userId'], { unique: true })
export abstract class BaseMember implements StandardMember {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'organization_id', type: 'string' }) organizationId!: string;
  @StandardColumn({ name: 'user_id', type: 'string', index: true }) userId!: string;
  @StandardColumn({ name: 'role', type: 'string', default: 'member' }) role!: string;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
}
