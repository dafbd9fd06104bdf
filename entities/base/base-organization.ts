import type { Metadata, StandardOrganization } from '../standard-fields';
import { StandardColumn } from './standard-column';

/** The standard organization fields with their columns. @example @Entity('organization') @AuthOrganization() class AppOrg extends BaseOrganization {} */
export abstract class BaseOrganization implements StandardOrganization {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'name', type: 'string' }) name!: string;
  @StandardColumn({ name: 'slug', type: 'string', unique: true }) slug!: string;
  @StandardColumn({ name: 'logo', type: 'string', nullable: true, long: true }) logo!: string | null;
  @StandardColumn({ name: 'metadata', type: 'json' }) metadata!: Metadata;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
  @StandardColumn({ name: 'updated_at', type: 'date', timestamp: 'update' }) updatedAt!: Date;
}
