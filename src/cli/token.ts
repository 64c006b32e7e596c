/**
 * `npm run token -- --sub alice --role editor [--role admin] [--expires 1h]`: prints a JWT signed
 * with AUTH_JWT_SECRET (and carrying AUTH_JWT_ISSUER/AUDIENCE when set), for trying the API
 * locally as a given user. Exits 2 on bad arguments or when no secret is set.
 */
import { SignJWT } from 'jose';
import { ROLES, isRole, type Role } from '../auth/roles';
import { loadConfig } from '../config';
import { runCli, UsageError } from './run';

const USAGE = `usage: AUTH_JWT_SECRET=<32+ characters> npm run token -- --sub <user> --role <${ROLES.join('|')}> [--role ...] [--expires 1h]`;

interface Args {
  sub: string;
  roles: Role[];
  /** A jose time span: 30m, 1h, 7d ... */
  expires: string;
}

function parseArgs(argv: string[]): Args {
  let sub: string | undefined;
  let expires = '1h';
  const roles: Role[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!['--sub', '--role', '--expires'].includes(flag)) throw new UsageError(`unknown argument "${argv[i]}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    if (flag === '--sub') sub = value;
    else if (flag === '--expires') expires = value;
    else if (isRole(value)) roles.push(value);
    else throw new UsageError(`--role must be one of ${ROLES.join(', ')}; got "${value}"`);
  }
  if (!sub) throw new UsageError('--sub is required');
  if (!/^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$/i.test(expires)) {
    throw new UsageError(`--expires must be a time span such as 30m, 1h or 7d; got "${expires}"`);
  }
  return { sub, roles, expires };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const { jwt } = loadConfig().auth;
  if (jwt?.algorithm !== 'HS256') throw new UsageError('AUTH_JWT_SECRET is not set: this tool signs with the shared secret');
  let token = new SignJWT({ roles: args.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(args.sub)
    .setIssuedAt()
    .setExpirationTime(args.expires);
  if (jwt.issuer) token = token.setIssuer(jwt.issuer);
  if (jwt.audience) token = token.setAudience(jwt.audience);
  console.log(await token.sign(new TextEncoder().encode(jwt.secret)));
  return 0;
}

runCli(main, USAGE);
