import type { StandardUser } from '../standard-fields';
import { declareStandardColumns } from './standard-column';

/**
 * The standard user fields with their columns (from the table of standard fields, standard-field-table.ts).
 * Extend it and add your own:
 * @example
 * @Entity('users') @AuthUser() class AppUser extends BaseUser { @Column({ default: 'free' }) @AuthDefault('free') plan!: string }
 */
export abstract class BaseUser {}
// The properties, typed by the standard interface; declareStandardColumns gives each its column.
export interface BaseUser extends StandardUser {}
declareStandardColumns(BaseUser, 'user');
