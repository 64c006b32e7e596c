/**
 * Who is making a request, once a credential has been verified.
 */
import type { Role } from './roles';

/** An authenticated caller. `roles` already includes implied roles (see withImpliedRoles). */
export interface User {
  /** The JWT's `sub`, or the API key's name. */
  id: string;
  roles: Role[];
  /** Which kind of credential proved it. */
  via: 'jwt' | 'api-key';
}

/** What authenticating a request found: a user, or none; `problem` says why a credential was refused. */
export interface AuthResult {
  user: User | null;
  /** Plain words for a client, set only when a credential was present but not accepted. */
  problem?: string;
}

/**
 * The caller as a request's context carries it (Context has these fields): the verified user, or
 * none, and why a credential sent was refused. Declared here so that src/auth needs nothing from
 * src/context.ts, which imports src/auth.
 */
export interface Caller {
  user: User | null;
  authProblem?: string;
}

/** Whether `user` holds `role` (directly or by implication). */
export function hasRole(user: User | null, role: Role): boolean {
  return user !== null && user.roles.includes(role);
}
