import type { StandardMember } from '../standard-fields';
import { declareStandardColumns } from './standard-column';

/**
 * The standard organization-member fields with their columns. @example @Entity('member') @AuthMember() class AppMember extends BaseMember {}
 * The columns come from the table of standard fields (standard-field-table.ts).
 */
export abstract class BaseMember {}
// The properties, typed by the standard interface; declareStandardColumns gives each its column.
export interface BaseMember extends StandardMember {}
declareStandardColumns(BaseMember, 'member');
