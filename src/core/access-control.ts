/**
 * A small access-control builder, shaped like better-auth's `createAccessControl`: statements name every
 * action on every resource; a role grants some of them. The admin plugin decides with it, and so can any
 * plugin with roles of its own (organizations); it lives in core so neither plugin imports the other.
 * @example
 * const ac = createAccessControl({ user: ['list', 'ban', 'impersonate'], session: ['list', 'revoke'] } as const);
 * const support = ac.newRole({ user: ['list', 'ban'], session: ['list'] });
 * support.authorize({ user: ['ban'] });          // { success: true }
 * support.authorize({ user: ['impersonate'] });  // { success: false, error: 'not allowed to impersonate user' }
 */

/** Every resource with the actions it has. */
export type Statements = Readonly<Record<string, readonly string[]>>;

/** Some actions on some resources, as a role grants them or a check asks for them. */
export type Grants<S extends Statements> = { readonly [R in keyof S]?: ReadonlyArray<S[R][number]> };

/** A check asks for actions by name; unknown resources or actions are simply not granted. */
export type PermissionRequest = Readonly<Record<string, readonly string[]>>;

export type AuthorizeResult = { success: true } | { success: false; error: string };

/** What a role may do. */
export class Role {
  private readonly granted: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(readonly statements: Readonly<Record<string, readonly string[]>>) {
    this.granted = new Map(Object.entries(statements).map(([resource, actions]) => [resource, new Set(actions)]));
  }

  /** Success when the role grants every action asked for (an empty request grants nothing). */
  authorize(request: PermissionRequest): AuthorizeResult {
    const asked = Object.entries(request);
    if (asked.length === 0) return { success: false, error: 'no permission was asked for' };
    for (const [resource, actions] of asked) {
      const granted = this.granted.get(resource);
      if (!granted) return { success: false, error: `not allowed to access ${resource}` };
      const missing = actions.find((action) => !granted.has(action));
      if (missing !== undefined) return { success: false, error: `not allowed to ${missing} ${resource}` };
    }
    return { success: true };
  }
}

export interface AccessControl<S extends Statements> {
  readonly statements: S;
  /** A role granting these actions; an action the statements do not name is a programming error. */
  newRole(grants: Grants<S>): Role;
}

export function createAccessControl<const S extends Statements>(statements: S): AccessControl<S> {
  return {
    statements,
    newRole(grants) {
      for (const [resource, actions] of Object.entries(grants) as Array<[string, readonly string[]]>) {
        const known = statements[resource];
        const unknown = known ? actions.filter((action) => !known.includes(action)) : actions;
        if (!known || unknown.length > 0) throw new TypeError(`The access-control statements have no "${resource}: ${unknown.join(', ') || '*'}".`);
      }
      return new Role(grants as Record<string, readonly string[]>);
    },
  };
}
