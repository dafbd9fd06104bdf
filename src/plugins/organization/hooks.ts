/**
 * Organization hooks: the app's say in the plugin's flows. A `before` hook refuses by throwing (an
 * `AuthError` answers with its code; anything else is a 500) and amends by returning `{ data }`, merged over
 * what would be written. `after` hooks see what was stored; their errors fail the request, but what was
 * written stays (as in better-auth).
 * @example
 * organizationHooks: {
 *   beforeCreateOrganization: async ({ organization, user }) => {
 *     if (organization.slug.startsWith('admin')) throw new AuthError('FORBIDDEN', 'Reserved slug');
 *     return { data: { metadata: { createdBy: user.id } } };
 *   },
 * }
 */
export type Amend = { data?: Record<string, unknown> } | void | undefined;

export interface OrganizationHooks<U = object, O = object, M = object, I = object> {
  beforeCreateOrganization?(input: { organization: Record<string, unknown>; user: U }): Amend | Promise<Amend>;
  afterCreateOrganization?(input: { organization: O; member: M; user: U }): void | Promise<void>;
  beforeDeleteOrganization?(input: { organization: O; user: U | null }): void | Promise<void>;
  afterDeleteOrganization?(input: { organization: O; user: U | null }): void | Promise<void>;
  beforeAddMember?(input: { member: Record<string, unknown>; user: U; organization: O }): Amend | Promise<Amend>;
  afterAddMember?(input: { member: M; user: U; organization: O }): void | Promise<void>;
  beforeCreateInvitation?(input: { invitation: Record<string, unknown>; inviter: U; organization: O }): Amend | Promise<Amend>;
  afterCreateInvitation?(input: { invitation: I; inviter: U; organization: O }): void | Promise<void>;
  beforeAcceptInvitation?(input: { invitation: I; user: U; organization: O }): Amend | Promise<Amend>;
  afterAcceptInvitation?(input: { invitation: I; member: M; user: U; organization: O }): void | Promise<void>;
}

/** `values` with what a `before` hook returned merged over it; the hook's refusal (a throw) propagates. */
export async function amended(values: Record<string, unknown>, result: Amend | Promise<Amend>): Promise<Record<string, unknown>> {
  const answer = await result;
  return answer && typeof answer === 'object' && answer.data ? { ...values, ...answer.data } : values;
}
