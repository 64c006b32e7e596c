/**
 * Claims: what one source asserts about one node or relationship, and the rule that derives the
 * current view of a fact from all the claims on it. Pure domain: no database, no GraphQL.
 *
 * A claim keeps the values its source gives (a date with its precision, a role, a name...), the
 * names it uses and its evidence. Sources never overwrite each other: each has its own claim, and
 * what a node or relationship shows is worked out from all of them by {@link currentView}.
 */
import { createHash } from 'node:crypto';
import { EntityInput, type EntityType, type FuzzyDateInput, type RelationshipType } from './format';
import { isNamed, type NameEntry, nameEntries } from './names';
import { relationshipKey, type ResolvedEvidence, type ValidDocument } from './validate';

/** A value a source gives for one field: text, a list of words, or a fuzzy date. */
export type ClaimValue = string | string[] | FuzzyDateInput;

/** One source's assertion about one node (by id) or relationship (by key). */
export interface Claim {
  /** The node id or relationship key the claim is about. */
  subject: string;
  /** Entity type of a node, relationship type of a relationship. */
  subjectType: EntityType | RelationshipType | 'Source';
  source: string;
  /** The source's publication date (`YYYY[-MM[-DD]]`), or null: earlier sources win ties. */
  published: string | null;
  /** The fields the source gives a value for; a field it leaves out is no vote. */
  values: Record<string, ClaimValue>;
  names: NameEntry[];
  evidence: ResolvedEvidence[];
}

/** The claims of one document: on its source, on each entity and on each relationship. */
export interface DocumentClaims {
  nodes: Map<string, Claim>;
  relationships: Map<string, Claim & { from: string; to: string; type: RelationshipType }>;
}

/** Fields every entity record has that are not values: identity, resolution and evidence. */
const NOT_VALUES = new Set(['id', 'type', 'sameAs', 'evidence', 'aliases']);

/** The value fields of each entity type, read off the facts format itself. */
export const ENTITY_FIELDS: Record<EntityType, string[]> = Object.fromEntries(
  EntityInput.options.map((option) => {
    const type = option.shape.type.value as EntityType;
    const fields = Object.keys(option.shape).filter((k) => !NOT_VALUES.has(k));
    // A country is an actor of kind COUNTRY; the format leaves the kind implicit.
    return [type, type === 'Country' ? [...fields, 'kind'] : fields];
  }),
) as Record<EntityType, string[]>;

/** The value fields of relationships (`relation` is part of a RELATED_TO's key). */
export const RELATIONSHIP_FIELDS = ['role', 'relation', 'since', 'until'];

/** Fields holding fuzzy dates; stored flattened as `<name>`, `<name>Precision`, ... */
export const DATE_FIELDS = new Set(['startDate', 'endDate', 'date', 'since', 'until', 'publishedDate']);

/** Splits a document into claims, one per fact it states (evidence of the same fact merged). */
export function claimsOf({ doc, evidence }: ValidDocument): DocumentClaims {
  const source = doc.source.id;
  const published = doc.source.publishedDate?.value ?? null;
  const nodes = new Map<string, Claim>();
  const relationships: DocumentClaims['relationships'] = new Map();
  nodes.set(source, { subject: source, subjectType: 'Source', source, published, values: {}, names: [], evidence: evidence.get('source') ?? [] });
  doc.entities.forEach((entity, i) => {
    const values: Record<string, ClaimValue> = {};
    for (const field of ENTITY_FIELDS[entity.type]) {
      const value = (entity as Record<string, unknown>)[field];
      if (isGiven(value)) values[field] = value as ClaimValue;
    }
    if (entity.type === 'Country') values.kind = 'COUNTRY';
    const claim: Claim = {
      subject: entity.id,
      subjectType: entity.type,
      source,
      published,
      values,
      names: isNamed(entity) ? nameEntries(entity) : [],
      evidence: evidence.get(`entities[${i}]`) ?? [],
    };
    const seen = nodes.get(entity.id);
    // Two records of one document resolved onto one node: one claim, both records' evidence.
    if (seen) mergeInto(seen, claim);
    else nodes.set(entity.id, claim);
  });
  doc.relationships.forEach((rel, i) => {
    const values: Record<string, ClaimValue> = {};
    for (const field of RELATIONSHIP_FIELDS) {
      const value = (rel as Record<string, unknown>)[field];
      if (isGiven(value)) values[field] = value as ClaimValue;
    }
    const key = relationshipKey(rel);
    const claim = {
      subject: key,
      subjectType: rel.type,
      source,
      published,
      values,
      names: [],
      evidence: evidence.get(`relationships[${i}]`) ?? [],
      from: rel.from,
      to: rel.to,
      type: rel.type,
    };
    const seen = relationships.get(key);
    if (seen) mergeInto(seen, claim);
    else relationships.set(key, claim);
  });
  return { nodes, relationships };
}

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

function mergeInto(into: Claim, other: Claim): void {
  Object.assign(into.values, other.values);
  const known = new Set(into.names.map((n) => n.text));
  into.names.push(...other.names.filter((n) => !known.has(n.text)));
  const cited = new Set(into.evidence.map(evidenceKey));
  into.evidence.push(...other.evidence.filter((e) => !cited.has(evidenceKey(e))));
}

/** Identifies a piece of evidence: the same span of the same source is one piece. */
export function evidenceKey(e: Pick<ResolvedEvidence, 'sentence' | 'start' | 'end'>): string {
  return `${e.sentence}:${e.start}:${e.end}`;
}

/** A digest of everything a claim says: equal digests, nothing to rewrite on a reload. */
export function claimDigest(claim: Claim): string {
  const body = JSON.stringify([
    claim.subjectType,
    claim.published,
    sortedEntries(claim.values),
    claim.names,
    claim.evidence.map((e) => [e.sentence, e.excerpt, e.start, e.end]),
  ]);
  return createHash('sha256').update(body).digest('base64url').slice(0, 22);
}

function sortedEntries(values: Record<string, unknown>): [string, unknown][] {
  return Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Fields whose differences are not disagreements. Names: sources that call one entity by different
 * names gave it aliases (resolution decided they mean one thing). Descriptions, summaries and
 * outcomes are each curator's own wording. The rule still picks the value shown.
 */
export const UNDISPUTED_FIELDS = new Set(['name', 'title', 'description', 'summary', 'outcome']);

/** The current view of a fact, worked out from its claims. */
export interface View {
  /** Field -> the chosen value (null when no claim gives one). */
  values: Record<string, ClaimValue | null>;
  /** Every name the claims use but the shown one, in claim order. */
  aliases: string[];
  /** Resolution keys of all the names, in claim order (see src/facts/names.ts). */
  matchKeys: string[];
  sourceCount: number;
  /** Sort key of the first appearance: the least `source#start` of any claim's first evidence. */
  firstSeen: string;
  /** The fields whose claims disagree, by name. */
  disputed: string[];
}

/** A field's competing values, each with the sources that give it; `current` marks the chosen one. */
export interface Competition {
  field: string;
  values: { value: ClaimValue; sources: string[]; support: number; current: boolean }[];
}

/** One of a field's competing values. */
export type CompetingValueModel = Competition['values'][number];

/**
 * Claims in the order the rule breaks ties by: earliest publication first (undated sources last),
 * then by source id, so the result never depends on load order.
 */
export function orderClaims<T extends Pick<Claim, 'published' | 'source'>>(claims: T[]): T[] {
  return [...claims].sort((a, b) => {
    const pa = a.published ?? '9999';
    const pb = b.published ?? '9999';
    if (pa !== pb) return pa < pb ? -1 : 1;
    return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
  });
}

/**
 * The current-view rule, field by field:
 * 1. a claim an editor pinned gives the value, when it gives one;
 * 2. otherwise the value the most sources support wins. A date supports every date it is a less
 *    precise form of: "2026-01" supports "2026-01-23", so sources that agree as far as they go
 *    are not counted against each other;
 * 3. ties go to the most precise date, then to the value of the earliest published source (then
 *    the lowest source id).
 * A field is disputed when two of its values contradict each other (for dates: neither is a less
 * precise form of the other), except the fields in {@link UNDISPUTED_FIELDS}.
 */
export function currentView(claims: Claim[], fields: readonly string[], pinnedSource: string | null = null, shownName: 'name' | 'title' = 'name'): View {
  const ordered = orderClaims(claims);
  const values: Record<string, ClaimValue | null> = {};
  const disputed: string[] = [];
  for (const field of fields) {
    const competition = compete(ordered, field, pinnedSource);
    values[field] = competition.values.find((v) => v.current)?.value ?? null;
    if (!UNDISPUTED_FIELDS.has(field) && contradicts(competition)) disputed.push(field);
  }
  const shown = values[shownName];
  const aliases: string[] = [];
  const matchKeys: string[] = [];
  for (const claim of ordered) {
    for (const name of claim.names) {
      if (name.text !== shown && !aliases.includes(name.text)) aliases.push(name.text);
      for (const key of name.keys) if (!matchKeys.includes(key)) matchKeys.push(key);
    }
  }
  const firstSeen = claims.map(firstSeenOf).sort()[0] ?? '';
  return { values, aliases, matchKeys, sourceCount: new Set(claims.map((c) => c.source)).size, firstSeen, disputed };
}

/** The competing values of one field, most supported first. */
export function compete(orderedClaims: Claim[], field: string, pinnedSource: string | null): Competition {
  const groups = new Map<string, { value: ClaimValue; sources: string[]; first: number }>();
  orderedClaims.forEach((claim, i) => {
    const value = claim.values[field];
    if (value === undefined) return;
    const key = canonical(value);
    const group = groups.get(key);
    if (group) group.sources.push(claim.source);
    else groups.set(key, { value, sources: [claim.source], first: i });
  });
  const all = [...groups.values()];
  const support = (v: ClaimValue) =>
    isDate(v)
      ? all.filter((g) => isDate(g.value) && v.value.startsWith(g.value.value)).reduce((n, g) => n + g.sources.length, 0)
      : groups.get(canonical(v))!.sources.length;
  const precision = (v: ClaimValue) => (isDate(v) ? v.value.length : 0);
  const ranked = all
    .map((g) => ({ ...g, support: support(g.value) }))
    .sort((a, b) => b.support - a.support || precision(b.value) - precision(a.value) || a.first - b.first);
  const pinned = pinnedSource === null ? undefined : ranked.find((g) => g.sources.includes(pinnedSource));
  const winner = pinned ?? ranked[0];
  return { field, values: ranked.map(({ value, sources, support: s }) => ({ value, sources, support: s, current: value === winner?.value })) };
}

function contradicts({ values }: Competition): boolean {
  return values.some((a, i) => values.slice(i + 1).some((b) => !compatible(a.value, b.value)));
}

function compatible(a: ClaimValue, b: ClaimValue): boolean {
  if (isDate(a) && isDate(b)) return a.value.startsWith(b.value) || b.value.startsWith(a.value);
  return canonical(a) === canonical(b);
}

/** How values compare: a date by its value alone (its wording and inference do not make it another date). */
export function canonical(value: ClaimValue): string {
  return isDate(value) ? `date:${value.value}` : JSON.stringify(value);
}

export function isDate(value: unknown): value is FuzzyDateInput {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'precision' in value;
}

/** A claim's first appearance as a sortable key: its source and the start of its first excerpt, padded. */
export function firstSeenOf(claim: Pick<Claim, 'source' | 'evidence'>): string {
  return `${claim.source}#${String(claim.evidence[0]?.start ?? 0).padStart(10, '0')}`;
}

/** The fields of a fact's type: an entity type's, or those of relationships. */
export function fieldsOf(subjectType: Claim['subjectType']): string[] {
  if (subjectType === 'Source') return [];
  return subjectType in ENTITY_FIELDS ? ENTITY_FIELDS[subjectType as EntityType] : RELATIONSHIP_FIELDS;
}

/** The field a fact is shown by (a position's title, else its name). */
export function shownField(subjectType: Claim['subjectType']): 'name' | 'title' {
  return subjectType === 'Position' ? 'title' : 'name';
}

/** `{value, precision, inferred, expression}` -> `<name>`, `<name>Precision`, ... (nulls remove). */
export function flatDate(name: string, date: FuzzyDateInput | null | undefined): Record<string, unknown> {
  return {
    [name]: date?.value ?? null,
    [`${name}Precision`]: date?.precision ?? null,
    [`${name}Inferred`]: date?.inferred ?? null,
    [`${name}Expression`]: date?.expression ?? null,
  };
}

/** A view's values as stored properties: dates flattened, absent values null (so a write removes them). */
export function storedValues(values: Record<string, ClaimValue | null>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (DATE_FIELDS.has(field)) Object.assign(props, flatDate(field, value as FuzzyDateInput | null));
    else props[field] = value;
  }
  return props;
}
