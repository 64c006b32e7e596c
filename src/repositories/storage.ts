/**
 * The storage vocabulary: how the facts format lands in Neo4j. Labels per entity type,
 * relationship types, and the claim layout, derived from the format's own lists. Every module
 * that writes or reads facts takes its names from here.
 *
 * Layout:
 * - every entity is a `Node` with its type's labels (a Country is `Actor:Location`); its
 *   properties are the current view of its claims (src/facts/claims.ts), plus `aliases`,
 *   `matchKeys` (entity resolution), `sourceCount`, `firstSeen` and `disputed`;
 * - every relationship has a `key` (src/facts/validate.ts relationshipKey) and its current view;
 * - every claim is a `Claim` node with no relationships: `of` is the node id or relationship key
 *   it is about, found through the `claim_of` index, and `source` finds a source's claims through
 *   `claim_source`. Loading a source creates claims and never rewrites another source's, so a hub
 *   named by thousands of sources costs no more to write to than a leaf;
 * - a fact whose sources disagree has a `Dispute` node (`of`, `fields`), so disputes list fast.
 */
import neo4j from 'neo4j-driver';
import type { Claim, ClaimValue } from '../facts/claims';
import { type EntityType, RELATIONSHIP_TYPES, type RelationshipType } from '../facts/format';

/** Labels set on each entity type; a Country is an Actor and a Location. */
export const ENTITY_LABELS: Record<EntityType, string> = {
  Actor: 'Actor',
  Country: 'Actor:Location',
  Location: 'Location',
  Meeting: 'Meeting',
  Position: 'Position',
  Statement: 'Statement',
  Stance: 'Stance',
  Event: 'Event',
};
export const ENTITY_TYPES = Object.keys(ENTITY_LABELS) as EntityType[];
export { RELATIONSHIP_TYPES };

/** The labels (other than Node) an entity type gets, in a comparable form. */
export function labelsOf(type: EntityType): string {
  return ENTITY_LABELS[type].split(':').sort().join(':');
}

/** Labels (other than Node) -> the facts format's entity type. */
export function entityTypeOf(labels: string[]): EntityType {
  if (labels.includes('Actor') && labels.includes('Location')) return 'Country';
  return labels.find((l) => l !== 'Node') as EntityType;
}

/**
 * Fields that a node shows from one relationship among several its sources may state: a meeting's
 * `location` is the best supported of its HELD_IN links, and two places make it disputed.
 */
export const SINGLE_VALUED_LINKS: Partial<Record<EntityType, { field: string; type: RelationshipType }>> = {
  Meeting: { field: 'location', type: 'HELD_IN' },
};

/** A claim's rank key in the current-view rule (earliest published, then source id): the least one wins ties. */
export function claimRank(claim: Pick<Claim, 'published' | 'source'>): string {
  return `${claim.published ?? '9999'}|${claim.source}`;
}

/** A claim as a `Claim` node stores it. */
export interface ClaimRow {
  of: string;
  subjectType: string;
  source: string;
  published: string | null;
  /** The values, as a JSON object (dates as `{value, precision, inferred, expression}`). */
  values: string;
  names: string[];
  /** Each name's keys, `|`-joined, parallel to `names`. */
  nameKeys: string[];
  sentence: unknown[];
  excerpt: string[];
  start: unknown[];
  end: unknown[];
  digest: string;
  pinned: boolean;
}

/** A claim as stored; numbers go as Neo4j integers (a plain JS number would be a float). */
export function toClaimRow(claim: Claim, digest: string, pinned = false): ClaimRow {
  return {
    of: claim.subject,
    subjectType: claim.subjectType,
    source: claim.source,
    published: claim.published,
    values: JSON.stringify(claim.values),
    names: claim.names.map((n) => n.text),
    nameKeys: claim.names.map((n) => n.keys.join('|')),
    sentence: claim.evidence.map((e) => neo4j.int(e.sentence)),
    excerpt: claim.evidence.map((e) => e.excerpt),
    start: claim.evidence.map((e) => neo4j.int(e.start)),
    end: claim.evidence.map((e) => neo4j.int(e.end)),
    digest,
    pinned,
  };
}

/** A stored claim (as read, integers already plain) back to a claim; `pinned` says whether an editor pinned it. */
export function fromClaimRow(row: Record<string, unknown>): Claim & { pinned: boolean } {
  const names = (row.names as string[] | null) ?? [];
  const keys = (row.nameKeys as string[] | null) ?? [];
  const sentences = (row.sentence as number[] | null) ?? [];
  const excerpts = (row.excerpt as string[] | null) ?? [];
  const starts = (row.start as number[] | null) ?? [];
  const ends = (row.end as number[] | null) ?? [];
  const source = row.source as string;
  return {
    subject: row.of as string,
    subjectType: row.subjectType as Claim['subjectType'],
    source,
    published: (row.published as string | null) ?? null,
    values: JSON.parse((row.values as string | null) ?? '{}') as Record<string, ClaimValue>,
    names: names.map((text, i) => ({ text, keys: keys[i] ? keys[i].split('|') : [] })),
    evidence: sentences.map((sentence, i) => ({ sourceId: source, sentence, excerpt: excerpts[i], start: starts[i], end: ends[i] })),
    pinned: row.pinned === true,
  };
}

/** `from|TYPE|to[|relation]` (a relationship key) -> its parts. Ids never hold `|`. */
export function parseRelationshipKey(key: string): { from: string; type: RelationshipType; to: string } {
  const [from, type, to] = key.split('|');
  return { from, type: type as RelationshipType, to };
}

/** Whether a claim's subject is a relationship (its key has `|`) rather than a node id. */
export function isRelationshipKey(subject: string): boolean {
  return subject.includes('|');
}
