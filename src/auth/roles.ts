/**
 * The roles a caller can hold, and what each implies: admin ⇒ editor ⇒ reader.
 */

/** A role, from least to most trusted. */
export type Role = 'reader' | 'editor' | 'admin';

/** Every role, least trusted first. */
export const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];

/** Whether `value` names a role (exact, lower case). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The roles granted by holding `roles`, implied ones included, in ROLES order without repeats:
 * holding a role grants every role before it in ROLES.
 */
export function withImpliedRoles(roles: Iterable<Role>): Role[] {
  let highest = -1;
  for (const role of roles) highest = Math.max(highest, ROLES.indexOf(role));
  return ROLES.slice(0, highest + 1);
}
