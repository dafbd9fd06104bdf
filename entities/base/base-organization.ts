import type { StandardOrganization } from '../standard-fields';
import { declareStandardColumns } from './standard-column';

/**
 * The standard organization fields with their columns. @example @Entity('organization') @AuthOrganization() class AppOrg extends BaseOrganization {}
 * The columns come from the table of standard fields (standard-field-table.ts).
 */
export abstract class BaseOrganization {}
// The properties, typed by the standard interface; declareStandardColumns gives each its column.
export interface BaseOrganization extends StandardOrganization {}
declareStandardColumns(BaseOrganization, 'organization');
