import type { StandardVerification } from '../standard-fields';
import { StandardColumn } from './standard-column';

/** The standard verification-token fields with their columns. @example @Entity('verifications') @AuthVerification() class AppVerification extends BaseVerification {} */
export abstract class BaseVerification implements StandardVerification {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'identifier', type: 'string', index: true }) identifier!: string;
  @StandardColumn({ name: 'value', type: 'string', long: true }) value!: string;
  @StandardColumn({ name: 'expires_at', type: 'date' }) expiresAt!: Date;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
  @StandardColumn({ name: 'updated_at', type: 'date', timestamp: 'update' }) updatedAt!: Date;
}
