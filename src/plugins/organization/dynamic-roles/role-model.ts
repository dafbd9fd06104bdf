import type { PluginTable } from '../../../schema/auth-schema';
import { recordModel, type RecordOf } from '../../../schema/record-model';

/**
 * better-auth 1.7's `organizationRole` table: one row per role an organization defined at run time. `role` is
 * the name members carry in their comma-separated `role`, stored lower-case; `permission` is the granted
 * actions as JSON text (`{"project":["create"]}`), as better-auth stores it, so its databases read as they are.
 * Reached only through `auth.records(organizationRoleModel, tx?)`.
 * @example
 * await auth.records(organizationRoleModel).findMany({ organizationId });
 */
export const organizationRoleModel = recordModel('organizationRole', {
  organizationId: { type: 'string', required: true, references: { model: 'organization', field: 'id', onDelete: 'cascade' } },
  role: { type: 'string', required: true },
  permission: { type: 'string', required: true, long: true },
  createdAt: { type: 'date', required: true },
  updatedAt: { type: 'date' },
});

/** One stored role, as the adapter hands it back. */
export type OrganizationRoleRow = RecordOf<typeof organizationRoleModel.fields>;

/**
 * The table as the plugin declares it when dynamic access control is on. One name per organization: the
 * unique (organization, role) index backs the check made under the organization's lock, and its leading
 * column serves every per-organization read (and the foreign key, which MySQL wants indexed).
 * @example
 * readonly schema = { tables: { [organizationRoleModel.model]: organizationRoleTable() } };
 */
export function organizationRoleTable(): PluginTable {
  return { modelName: 'organization_role', fields: organizationRoleModel.fields, indexes: [{ fields: ['organizationId', 'role'], unique: true }] };
}
