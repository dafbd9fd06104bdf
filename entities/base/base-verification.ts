import type { StandardVerification } from '../standard-fields';
import { declareStandardColumns } from './standard-column';

/**
 * The standard verification-token fields with their columns. @example @Entity('verifications') @AuthVerification() class AppVerification extends BaseVerification {}
 * The columns come from the table of standard fields (standard-field-table.ts).
 */
export abstract class BaseVerification {}
// The properties, typed by the standard interface; declareStandardColumns gives each its column.
export interface BaseVerification extends StandardVerification {}
declareStandardColumns(BaseVerification, 'verification');
