import type { StandardSession } from '../standard-fields';
import { declareStandardColumns } from './standard-column';

/**
 * The standard session fields with their columns. @example @Entity('sessions') @AuthSession() class AppSession extends BaseSession {}
 * The columns come from the table of standard fields (standard-field-table.ts).
 */
export abstract class BaseSession {}
// The properties, typed by the standard interface; declareStandardColumns gives each its column.
export interface BaseSession extends StandardSession {}
declareStandardColumns(BaseSession, 'session');
