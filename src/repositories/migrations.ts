/**
 * Brings a graph written by an older version up to the layout this one reads, once, when the
 * schema is applied. `GraphMeta.schemaVersion` says which layout a graph has.
 *
 * Version 2 (claims): before it, each node and relationship kept its evidence and names in
 * per-source parallel lists (`evidenceSource`, ..., `nameSource`, ...), and its properties were
 * those of one source (`definedBy` for nodes, the last loaded for relationships). The migration
 * turns each source's entries into that source's claim. The values other sources gave were never
 * stored, so only the owning source's claim carries values; the others carry their evidence and
 * names. Each batch is one transaction, so an interrupted migration resumes where it stopped.
 */
import neo4j from 'neo4j-driver';
import { type Database, read, writeTransaction } from '../db/driver';
import { type Claim, type ClaimValue, claimDigest, DATE_FIELDS, fieldsOf } from '../facts/claims';
import type { EntityInput, EntityType, RelationshipType } from '../facts/format';
import { isNamed, type NameEntry, nameEntries } from '../facts/names';
import type { ResolvedEvidence } from '../facts/validate';
import { recomputeFacts } from './claim-writer';
import { entityTypeOf, fromClaimRow, toClaimRow } from './storage';

/** The layout this version writes. */
export const SCHEMA_VERSION = 2;

const VERSION_OF_GRAPH = `// schemaVersion
  OPTIONAL MATCH (m:GraphMeta {id: 'graph'}) RETURN m.schemaVersion AS version`;

const STAMP_VERSION = `// stampSchemaVersion
  MERGE (m:GraphMeta {id: 'graph'}) SET m.schemaVersion = $version REMOVE m.namesVersion`;

const SOURCES = `// findSourceDates
  MATCH (s:Source) RETURN s.id AS id, s.publishedDate AS published`;

const OLD_NODES = `// findNodesInListLayout
  MATCH (n:Node) WHERE n.evidenceSource IS NOT NULL
  RETURN n.id AS id, labels(n) AS labels, properties(n) AS props LIMIT $limit`;

const OLD_RELATIONSHIPS = `// findRelationshipsInListLayout
  MATCH ()-[r]->() WHERE r.evidenceSource IS NOT NULL
  RETURN type(r) AS type, r.key AS key, properties(r) AS props LIMIT $limit`;

const CREATE_CLAIMS = `// createMigratedClaims
  UNWIND $rows AS row CREATE (c:Claim) SET c = row`;

const OLD_PROPERTIES = 'evidenceSource, evidenceSentence, evidenceExcerpt, evidenceStart, evidenceEnd';

const CLEAR_NODES = `// clearListLayoutOfNodes
  UNWIND $ids AS id MATCH (n:Node {id: id})
  REMOVE ${OLD_PROPERTIES.split(', ')
    .map((p) => `n.${p}`)
    .join(', ')}, n.nameSource, n.nameText, n.nameKeys, n.definedBy, n.evidenceNodeIds`;

const CLEAR_RELATIONSHIPS = `// clearListLayoutOfRelationships
  UNWIND $keys AS key MATCH ()-[r {key: key}]->() REMOVE ${OLD_PROPERTIES.split(', ')
    .map((p) => `r.${p}`)
    .join(', ')}`;

const BATCH = 2_000;

/** Migrates the graph to {@link SCHEMA_VERSION} if it has an older layout; returns how many facts it converted. */
export async function migrateGraph(db: Database, log: (line: string) => void = () => undefined): Promise<number> {
  const [state] = await read(db, VERSION_OF_GRAPH);
  if (state.version === SCHEMA_VERSION) return 0;
  const published = new Map((await read(db, SOURCES)).map((r) => [r.id as string, (r.published as string | null) ?? null]));
  let converted = 0;
  for (;;) {
    const rows = await read(db, OLD_NODES, { limit: neo4j.int(BATCH) });
    if (!rows.length) break;
    await writeTransaction(db, async (tx) => {
      const claims = rows.flatMap((r) => nodeClaims(r.id as string, r.labels as string[], r.props as Record<string, unknown>, published));
      await tx.run(CREATE_CLAIMS, { rows: claims.map((c) => toClaimRow(c, claimDigest(c))) });
      const ids = rows.map((r) => r.id as string);
      await tx.run(CLEAR_NODES, { ids });
      await recomputeFacts(
        tx,
        ids.filter((id) => !id.startsWith('source:')),
      );
    });
    converted += rows.length;
  }
  for (;;) {
    const rows = await read(db, OLD_RELATIONSHIPS, { limit: neo4j.int(BATCH) });
    if (!rows.length) break;
    await writeTransaction(db, async (tx) => {
      const claims = rows.flatMap((r) => relationshipClaims(r.key as string, r.type as RelationshipType, r.props as Record<string, unknown>, published));
      await tx.run(CREATE_CLAIMS, { rows: claims.map((c) => toClaimRow(c, claimDigest(c))) });
      const keys = rows.map((r) => r.key as string);
      await tx.run(CLEAR_RELATIONSHIPS, { keys });
      await recomputeFacts(tx, keys);
    });
    converted += rows.length;
  }
  if (converted) log(`[schema] moved ${converted} nodes and relationships from per-source lists to claims (schema version ${SCHEMA_VERSION})`);
  await writeTransaction(db, (tx) => tx.run(STAMP_VERSION, { version: neo4j.int(SCHEMA_VERSION) }));
  return converted;
}

/**
 * The version of the name rules (src/facts/names.ts) that the stored name keys follow. Bump it when
 * the rules key a name differently: each claim's keys are then worked out again, once, when the
 * schema is applied, so that resolution finds nodes loaded under the older rules.
 *   1: before stop 23;
 *   2: capitals, state institutions, titles and particles, family names first, company trade words;
 *   3: social-media handles ("@FaisalbinFarhan" is "Faisal bin Farhan"), more honorifics ("Daw", "Tun"), regions by their initials ("NWFP");
 *   4: given names (`+raj`), organisations' head nouns (`#commission`), countries by their government or official style ("Republic of Ghana"), hyphenated acronyms ("SPLM-N"), venues and addresses by their own name, commissions and authorities by their country, "y" for "i" in Slavic surnames, British and American spellings, one military however named ("Pakistani troops"), a party by its member ("Liberal Democrat"), Malaysian styles ("Datuk Seri"), a one-word person under the surname key, given names without the surname (`+mohamed khaled`), the gazetteer's short country names ("CAR"), "authorities" and "regime" as the government;
 *   5: initials that keep a minor word's letter ("ECOWAS"), acronyms written as a word ("Nato"), kind words stripped one after another ("Ford Motor Company", "Ford"), "Resources", "Motor" and "Mining" as kind words.
 */
export const NAMES_VERSION = 5;

const NAMES_VERSION_OF_GRAPH = `// namesVersion
  OPTIONAL MATCH (m:GraphMeta {id: 'graph'}) RETURN m.namesVersion AS version, count { (c:Claim) } AS claims`;

const STAMP_NAMES_VERSION = `// stampNamesVersion
  MERGE (m:GraphMeta {id: 'graph'}) SET m.namesVersion = $version`;

// Pages through named nodes by id (each label's id constraint keeps a page a range read), then
// reads their claims through the claim_of index.
const NAMED_NODES = `// findNamedNodes
  MATCH (n:Node) WHERE n.id > $after AND (n:Actor OR n:Location OR n:Meeting OR n:Position OR n:Event)
  RETURN n.id AS id, n.kind AS kind ORDER BY n.id LIMIT $limit`;

const CLAIMS_OF = `// findClaimsOfNodes
  UNWIND $ids AS id MATCH (c:Claim {of: id}) RETURN elementId(c) AS element, c {.*} AS claim`;

const REKEY_CLAIMS = `// rekeyClaims
  UNWIND $rows AS row MATCH (c:Claim) WHERE elementId(c) = row.element SET c.body = row.body, c.digest = row.digest`;

/** The entity types whose names carry resolution keys. */
const NAMED_TYPES = ['Actor', 'Country', 'Location', 'Meeting', 'Position', 'Event'];

/**
 * Works out every claim's name keys again with today's rules when the graph's keys follow older ones
 * (see {@link NAMES_VERSION}), and the nodes' `matchKeys` with them; returns how many claims changed.
 * Each batch is one transaction, so an interrupted run starts again where the stamp is missing.
 */
export async function rekeyNames(db: Database, log: (line: string) => void = () => undefined): Promise<number> {
  const [state] = await read(db, NAMES_VERSION_OF_GRAPH);
  if (state.version === NAMES_VERSION) return 0;
  let changed = 0;
  let after = '';
  for (let more = Number(state.claims) > 0; more;) {
    const nodes = await read(db, NAMED_NODES, { after, limit: neo4j.int(BATCH) });
    more = nodes.length === BATCH;
    if (!nodes.length) break;
    after = nodes[nodes.length - 1].id as string;
    const kinds = new Map(nodes.map((n) => [n.id as string, n.kind]));
    const updates: { element: string; body: string; digest: string }[] = [];
    const subjects = new Set<string>();
    for (const r of await read(db, CLAIMS_OF, { ids: [...kinds.keys()] })) {
      const claim = fromClaimRow(r.claim as Record<string, unknown>);
      if (!NAMED_TYPES.includes(claim.subjectType)) continue;
      const names = keyed(
        claim.subjectType as EntityType,
        { kind: kinds.get(claim.subject) },
        claim.names.map((n) => n.text),
      );
      if (JSON.stringify(names) === JSON.stringify(claim.names)) continue;
      const { pinned, ...renamed } = { ...claim, names };
      const row = toClaimRow(renamed, claimDigest(renamed), pinned);
      updates.push({ element: r.element as string, body: row.body, digest: row.digest });
      subjects.add(claim.subject);
    }
    if (!updates.length) continue;
    await writeTransaction(db, async (tx) => {
      await tx.run(REKEY_CLAIMS, { rows: updates });
      await recomputeFacts(tx, [...subjects]);
    });
    changed += updates.length;
  }
  if (changed) log(`[schema] worked out the name keys of ${changed} claims again (name rules version ${NAMES_VERSION})`);
  await writeTransaction(db, (tx) => tx.run(STAMP_NAMES_VERSION, { version: neo4j.int(NAMES_VERSION) }));
  return changed;
}

/** Each source's evidence entries, in the order they were stored. */
function evidenceBySource(props: Record<string, unknown>): Map<string, ResolvedEvidence[]> {
  const sources = (props.evidenceSource as string[]) ?? [];
  const out = new Map<string, ResolvedEvidence[]>();
  sources.forEach((sourceId, i) => {
    const entry = {
      sourceId,
      sentence: (props.evidenceSentence as number[])[i],
      excerpt: (props.evidenceExcerpt as string[])[i],
      start: (props.evidenceStart as number[])[i],
      end: (props.evidenceEnd as number[])[i],
    };
    out.set(sourceId, [...(out.get(sourceId) ?? []), entry]);
  });
  return out;
}

/** A stored property set's values for `fields`, dates put back together. */
function valuesOf(props: Record<string, unknown>, fields: string[]): Record<string, ClaimValue> {
  const values: Record<string, ClaimValue> = {};
  for (const field of fields) {
    const value = props[field];
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
    values[field] = DATE_FIELDS.has(field)
      ? {
          value: value as string,
          precision: props[`${field}Precision`] as 'YEAR' | 'MONTH' | 'DAY',
          inferred: props[`${field}Inferred`] === true,
          ...(props[`${field}Expression`] ? { expression: props[`${field}Expression`] as string } : {}),
        }
      : (value as ClaimValue);
  }
  return values;
}

function nodeClaims(id: string, labels: string[], props: Record<string, unknown>, published: Map<string, string | null>): Claim[] {
  const evidence = evidenceBySource(props);
  if (labels.includes('Source')) {
    return [{ subject: id, subjectType: 'Source', source: id, published: published.get(id) ?? null, values: {}, names: [], evidence: evidence.get(id) ?? [] }];
  }
  const type = entityTypeOf(labels);
  const owner = (props.definedBy as string | undefined) ?? [...evidence.keys()][0];
  const nameSource = (props.nameSource as string[] | undefined) ?? [];
  const nameText = (props.nameText as string[] | undefined) ?? [];
  const sources = [...new Set([...evidence.keys(), ...nameSource])];
  // Graphs from before names were stored per source: the owner's name and aliases.
  const ownNames = nameSource.length === 0 && (props.name ?? props.title) ? unlistedNames(type, props) : [];
  return sources.map((source) => ({
    subject: id,
    subjectType: type,
    source,
    published: published.get(source) ?? null,
    values: source === owner ? valuesOf(props, fieldsOf(type)) : {},
    // Keys are worked out again: the stored ones may come from older name rules.
    names:
      source === owner && ownNames.length
        ? ownNames
        : keyed(
            type,
            props,
            nameText.filter((_, i) => nameSource[i] === source),
          ),
    evidence: evidence.get(source) ?? [],
  }));
}

/** One source's names of a node of `type` (the name it goes by first), with the keys today's rules give them. */
function keyed(type: EntityType, props: Record<string, unknown>, texts: string[]): NameEntry[] {
  if (!texts.length) return [];
  const entity = { type, name: texts[0], title: texts[0], kind: props.kind, aliases: texts.slice(1) } as unknown as EntityInput;
  return isNamed(entity) ? nameEntries(entity) : texts.map((text) => ({ text, keys: [] }));
}

function unlistedNames(type: EntityType, props: Record<string, unknown>): NameEntry[] {
  const entity = { type, name: props.name, title: props.title, kind: props.kind, aliases: (props.aliases as string[] | null) ?? [] } as unknown as EntityInput;
  return isNamed(entity) ? nameEntries(entity) : [];
}

function relationshipClaims(key: string, type: RelationshipType, props: Record<string, unknown>, published: Map<string, string | null>): Claim[] {
  const evidence = evidenceBySource(props);
  const last = ((props.evidenceSource as string[]) ?? []).at(-1);
  return [...evidence].map(([source, entries]) => ({
    subject: key,
    subjectType: type,
    source,
    published: published.get(source) ?? null,
    values: source === last ? valuesOf(props, fieldsOf(type)) : {},
    names: [],
    evidence: entries,
  }));
}
