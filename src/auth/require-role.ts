/**
 * The guard that write resolvers call first: `requireRole(context, 'editor')`.
 */
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Role } from './roles';
import { type Caller, hasRole, type User } from './user';

/**
 * Returns the context's user when it holds `role` (directly or by implication). Throws
 * UnauthenticatedError without a user (naming the credential's problem, if any), and
 * ForbiddenError when the user lacks the role.
 */
export function requireRole(context: Caller, role: Role): User {
  const { user } = context;
  if (!user) throw new UnauthenticatedError(context.authProblem);
  if (!hasRole(user, role)) throw new ForbiddenError(role);
  return user;
}
