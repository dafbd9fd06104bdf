import type { StandardInvitation } from '../standard-fields';
import { declareStandardColumns } from './standard-column';

/**
 * The standard invitation fields with their columns. @example @Entity('invitation') @AuthInvitation() class AppInvitation extends BaseInvitation {}
 * The columns come from the table of standard fields (standard-field-table.ts).
 */
export abstract class BaseInvitation {}
// The properties, typed by the standard interface; declareStandardColumns gives each its column.
export interface BaseInvitation extends StandardInvitation {}
declareStandardColumns(BaseInvitation, 'invitation');
