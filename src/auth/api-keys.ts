/**
 * API keys for machine clients (curation bots): parsed from AUTH_API_KEYS and looked up in
 * constant time, so response timing says nothing about how much of a guessed key was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isRole, ROLES, type Role, withImpliedRoles } from './roles';
import { MIN_API_KEY_BITS, weakSecretProblem } from './secret-strength';

/** Shortest key accepted: long enough that guessing is hopeless. */
export const MIN_API_KEY_LENGTH = 24;

/** One configured key: who holds it and what it may do. */
export interface ApiKey {
  name: string;
  /** Implied roles included. */
  roles: Role[];
  key: string;
}

/**
 * Parses `name:role[+role]:key` entries separated by commas. Every problem is reported, naming
 * the entry by position and name but never quoting its key.
 */
export function parseApiKeys(text: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  const entries = text.split(',').map((e) => e.trim());
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    if (entry === '') return void problems.push(`${where} is empty (expected name:role[+role]:key)`);
    const first = entry.indexOf(':');
    const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
    if (second < 0) return void problems.push(`${where} is not of the form name:role[+role]:key`);
    const name = entry.slice(0, first).trim();
    const roleText = entry.slice(first + 1, second).trim();
    const key = entry.slice(second + 1).trim();
    const label = name ? `${where} (${name})` : where;
    if (!/^[A-Za-z0-9._-]+$/.test(name)) problems.push(`${label}: the name must be letters, digits, ".", "_" or "-"`);
    const roles = roleText.split('+').map((r) => r.trim());
    const unknown = roles.filter((r) => !isRole(r));
    if (unknown.length > 0) problems.push(`${label}: unknown role "${unknown.join('", "')}" (roles are ${ROLES.join(', ')})`);
    if (key.length < MIN_API_KEY_LENGTH) problems.push(`${label}: the key must be at least ${MIN_API_KEY_LENGTH} characters`);
    // A key with dots could be taken for a JWT; whitespace would not survive a header.
    else if (/[\s.]/.test(key)) problems.push(`${label}: the key must not contain dots or whitespace`);
    else {
      const weak = weakSecretProblem(key, MIN_API_KEY_BITS);
      if (weak) problems.push(`${label}: the key ${weak}`);
    }
    if (keys.some((k) => k.name === name)) problems.push(`${label}: the name is used twice`);
    if (keys.some((k) => k.key === key)) problems.push(`${label}: the key is the same as another entry's`);
    keys.push({ name, roles: withImpliedRoles(roles.filter(isRole)), key });
  });
  return problems.length > 0 ? { keys: [], problems } : { keys, problems };
}

/**
 * A lookup over `keys`: the key that equals `presented`, or null. Compares SHA-256 digests (equal
 * lengths) with timingSafeEqual and always visits every key.
 */
export function createApiKeyLookup(keys: readonly ApiKey[]): (presented: string) => ApiKey | null {
  const digests = keys.map((k) => ({ apiKey: k, digest: sha256(k.key) }));
  return (presented) => {
    const digest = sha256(presented);
    let found: ApiKey | null = null;
    for (const candidate of digests) {
      if (timingSafeEqual(candidate.digest, digest)) found = candidate.apiKey;
    }
    return found;
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
