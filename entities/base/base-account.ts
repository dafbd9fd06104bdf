import type { StandardAccount } from '../standard-fields';
import { declareStandardColumns } from './standard-column';

/**
 * The standard account fields with their columns. @example @Entity('accounts') @AuthAccount() class AppAccount extends BaseAccount {}
 * The columns come from the table of standard fields (standard-field-table.ts).
 */
export abstract class BaseAccount {}
// The properties, typed by the standard interface; declareStandardColumns gives each its column.
export interface BaseAccount extends StandardAccount {}
declareStandardColumns(BaseAccount, 'account');
