/**
 * A floor under configured secrets (AUTH_JWT_SECRET, the keys of AUTH_API_KEYS): refuses the ones
 * that are obviously guessable (blank, few distinct characters, a short sequence repeated, low
 * estimated entropy). It cannot prove a secret random; it catches the mistakes people make.
 */

/** Fewest distinct characters a secret may have. */
export const MIN_DISTINCT_CHARACTERS = 10;
/**
 * Estimated entropy AUTH_JWT_SECRET must reach: HS256 is as strong as its secret. `openssl rand
 * -base64 32` gives about 215; 32 hex digits (128 bits, estimated at about 118) fall short.
 */
export const MIN_JWT_SECRET_BITS = 128;
/** Estimated entropy each API key must reach (`openssl rand -base64 24`, 32 characters, gives about 145). */
export const MIN_API_KEY_BITS = 96;

/**
 * Why `secret` is too weak to carry `minBits`, in words that never quote it, or null. The
 * estimate is the secret's length times the Shannon entropy of its own character frequencies: it
 * punishes repeats and small alphabets, and slightly underestimates truly random strings.
 */
export function weakSecretProblem(secret: string, minBits: number): string | null {
  const characters = Array.from(secret);
  if (secret.trim() === '') return 'is only whitespace';
  const distinct = new Set(characters).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) return `has only ${distinct} distinct characters (at least ${MIN_DISTINCT_CHARACTERS} are needed)`;
  const period = shortestPeriod(characters);
  if (period * 2 <= characters.length) return `repeats a sequence of ${period} characters`;
  const bits = estimatedBits(characters);
  if (bits < minBits)
    return `has an estimated entropy of ${Math.floor(bits)} bits (at least ${minBits} are needed; \`openssl rand -base64 32\` makes a good one)`;
  return null;
}

/** Length times the Shannon entropy of the characters' frequencies in the string itself, in bits. */
export function estimatedBits(characters: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const c of characters) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    perCharacter -= p * Math.log2(p);
  }
  return perCharacter * characters.length;
}

/** The smallest p such that every character equals the one p before it (KMP's failure function). */
function shortestPeriod(characters: readonly string[]): number {
  const n = characters.length;
  const border = new Array<number>(n).fill(0);
  for (let i = 1, k = 0; i < n; i += 1) {
    while (k > 0 && characters[i] !== characters[k]) k = border[k - 1];
    if (characters[i] === characters[k]) k += 1;
    border[i] = k;
  }
  return n - (border[n - 1] ?? 0);
}
