/**
 * Entity resolution: before a load writes anything, every entity of every document is matched to
 * the node it stands for, so that "Zelensky" in one article and "Volodymyr Zelenskyy" in another
 * land on one node. An entity is, in this order:
 *
 * 1. the node its `sameAs` names (in the graph, or in an earlier document of the load);
 * 2. the node with its own id (in the graph, or in an earlier document of the load);
 * 3. the one node of its type whose name or alias has the key of its name, whose name is one of
 *    its aliases, or (a person named by one word) whose surname that word is; documents are
 *    matched against the graph and the documents before them, never against themselves; keys fold
 *    transliterations and given-name variants, so "Vladimir Zelensky" has the key of "Volodymyr
 *    Zelenskyy" and "Kiev" that of "Kyiv" (names.ts);
 *    an organisation also meets the one organisation whose initials its one capitalised word is
 *    ("SNP", "Scottish National Party"), or the reverse, or whose head noun its one word is
 *    ("Commission", "Federal Trade Commission"), when nothing else matched (`acronymKey`, `headKey`);
 * 3b. for a person named in full who matches nothing in 3, the one person node with the same surname
 *    whose given names agree (`givenNamesAgree`: "K. Budanov" and "Kyrylo Budanov"; never "Olena
 *    Putin" and "Vladimir Putin"), or that is named by the surname alone ("Prime Minister
 *    Kvirikashvili", then "Giorgi Kvirikashvili");
 * 3c. for a person named by one or two words that matches nothing in 3 or 3b, the one person node
 *    that goes by those given names ("Raj" for Raj Shanmugaraj, "Dr Mahathir" for Mahathir Mohamad,
 *    "Mohamed Khaled" for Mohamed Khaled Nordin), never one of two;
 * 4. otherwise (or when `sameAs` is null: "none of those"), a new node.
 *
 * Two or more candidates in step 3 are never guessed: they are reported as a problem naming them all,
 * or, when resolution runs with `review` (`npm run seed`), the entity is held back for a curator with
 * the relationships that touch it (see {@link HeldEntity}), and the rest of its document loads.
 * A curator's answer is kept: when the same source gives the same record (id and name) again, as a
 * reload does, the decision settled before stands ({@link SettledReview}) and nothing waits again.
 * Events, statements and stances are matched in steps 1 and 2 only (see names.ts). A meeting that
 * steps 1 and 2 leave new (and whose sameAs is not null) is then matched on what it is rather than
 * what it is called: the one meeting (in the graph or an earlier document of the load) held on the
 * same day (both dated to the DAY), in the same place when both have one, that shares at least two
 * of its participants, or all of them when it names fewer than two and at least one (see
 * {@link matchMeeting}). The participants and place are compared after their own resolution.
 */
import type { EntityInput, RelationshipInput } from './format';
import {
  ACRONYM_PREFIX,
  displayName,
  HEAD_PREFIX,
  givenNameLookup,
  INITIALS_PREFIX,
  givenNamesAgree,
  institutionCountry,
  isMatchedByName,
  isNamed,
  lookupKeys,
  nameEntries,
  nameKey,
  personKey,
  SURNAME_PREFIX,
  surnameKey,
} from './names';
import type { Problem, ValidDocument } from './validate';

/** A node an entity may resolve to: from the graph, or introduced earlier in the same load. */
export interface Candidate {
  id: string;
  /** Its labels other than Node, sorted and joined: `Actor:Location` for a country. */
  labels: string;
  /** The name it is shown by. */
  name: string | null;
  /** The keys of all of its names (see names.ts). */
  keys: string[];
}

/** A meeting a draft's meeting may be: its day, place and participants (ids). */
export interface MeetingCandidate {
  id: string;
  name: string | null;
  date: string;
  place: string | null;
  participants: string[];
}

/**
 * A review item a curator settled: a merge into one candidate, or a drop. (An item created as a node
 * of its own needs no memory: the node has the record's id, which step 2 finds.)
 */
export interface SettledReview {
  sourceId: string;
  entityId: string;
  name: string;
  status: 'MERGED' | 'DROPPED';
  resolvedTo: string | null;
}

/** What the graph knows that resolution needs: nodes by id, nodes found by name keys, meetings by day. */
export interface GraphCandidates {
  byId: Map<string, Candidate>;
  byKey: Candidate[];
  meetings?: MeetingCandidate[];
  /** Review items settled for the sources of the documents. */
  settled?: SettledReview[];
}

/** How an entity was matched to another node than its own id says. */
export interface Merge {
  document: string;
  entity: string;
  node: string;
  /** The rule; `review` is a curator's settleReviewItem, `meeting` a meeting's date, place and participants. */
  how: 'sameAs' | 'name' | 'alias' | 'surname' | 'given' | 'acronym' | 'head' | 'meeting' | 'review';
}

/**
 * An entity that matched several nodes, held back for a curator (review queue), with the
 * relationships of its document that touch it: they wait with it. Their other ends are already
 * resolved, unless they are held back too (then they keep the ids of the document).
 */
export interface HeldEntity {
  document: string;
  /** Where it was: `file.json: entities[3] (actor:zelenskyy)`. */
  path: string;
  /** The record as the document gave it (its own id, its evidence). */
  entity: EntityInput;
  candidates: { id: string; name: string | null }[];
  relationships: RelationshipInput[];
}

export interface Resolution {
  /**
   * The documents with every entity id (and relationship end) replaced by the node it resolved to,
   * without the entities held back for review and the relationships that touch them.
   */
  documents: ValidDocument[];
  merges: Merge[];
  /** Problems per document, by index; a document with problems must not be loaded. */
  problems: Problem[][];
  /** Entities held back for review, per document (only with `review`). */
  held: HeldEntity[][];
  /** Entities left out, with the relationships touching them, because a curator dropped them before. */
  dropped: { document: string; path: string; name: string }[];
}

/** How resolution treats an entity that matches several nodes. */
export interface ResolveOptions {
  /** Hold it back for review (with what depends on it) instead of reporting a problem. */
  review?: boolean;
}

/** Everything resolution looks up in the graph for these documents: ids (own and sameAs) and name keys. */
export function resolutionQuery(documents: ValidDocument[]): { ids: string[]; keys: string[]; dates: string[]; sourceIds: string[] } {
  const ids = new Set<string>();
  const keys = new Set<string>();
  const dates = new Set<string>();
  for (const { doc } of documents) {
    for (const entity of doc.entities) {
      ids.add(entity.id);
      const day = meetingDay(entity);
      if (day && entity.sameAs !== null) dates.add(day);
      if (entity.sameAs) ids.add(entity.sameAs);
      if (entity.sameAs === null) continue;
      if (!isMatchedByName(entity)) continue;
      lookupKeys(entity).forEach((k) => keys.add(k));
      nameEntries(entity).forEach((e) => keys.add(e.keys[0]));
      const surname = isFullPersonName(entity) ? surnameKey(displayName(entity)) : undefined;
      if (surname) keys.add(surname);
      const given = givenNameLookup(entity);
      if (given) keys.add(given);
    }
  }
  return { ids: [...ids], keys: [...keys], dates: [...dates], sourceIds: [...new Set(documents.map((d) => d.doc.source.id))] };
}

/** A meeting's start day, when it is dated to the day. */
function meetingDay(entity: EntityInput): string | undefined {
  return entity.type === 'Meeting' && entity.startDate?.precision === 'DAY' ? entity.startDate.value : undefined;
}

/** Labels an entity type is stored with (see src/repositories/storage.ts), in comparable form. */
export type LabelsOf = (type: EntityInput['type']) => string;

/** Resolves the entities of `documents` (in load order) against the graph and each other. */
export function resolveEntities(
  documents: ValidDocument[],
  labels: string[],
  graph: GraphCandidates,
  labelsOf: LabelsOf,
  options: ResolveOptions = {},
): Resolution {
  const known = new Map(graph.byId);
  const byKey = new Map<string, Set<string>>();
  const index = (c: Candidate) => {
    const seen = known.get(c.id);
    const merged = seen ? { ...seen, keys: [...new Set([...seen.keys, ...c.keys])] } : c;
    known.set(c.id, merged);
    for (const k of merged.keys) (byKey.get(k) ?? byKey.set(k, new Set()).get(k)!).add(c.id);
  };
  graph.byKey.forEach(index);
  const meetings = new Map((graph.meetings ?? []).map((m) => [m.id, { ...m, participants: [...m.participants] }]));
  /** Ids written in earlier documents of this load, to the node they resolved to. */
  const idMap = new Map<string, string>();
  const merges: Merge[] = [];
  const dropped: Resolution['dropped'] = [];
  const settled = new Map((graph.settled ?? []).map((r) => [`${r.sourceId}\n${r.entityId}`, r]));

  const resolved = documents.map((valid, d) => {
    const problems: Problem[] = [];
    const ownIds = new Set(valid.doc.entities.map((e) => e.id));
    const map = new Map<string, string>();
    const held: HeldEntity[] = [];
    const documentMerges: Merge[] = [];
    const droppedIds = new Set<string>();
    valid.doc.entities.forEach((entity, i) => {
      const path = `${labels[d]}: entities[${i}] (${entity.id})`;
      let target = resolveOne(entity, ownIds, labelsOf(entity.type), known, byKey, idMap, path, problems);
      if (target.candidates) {
        // A curator settled this record of this source before: the answer stands while it is still one of the candidates.
        const decision = settled.get(`${valid.doc.source.id}\n${entity.id}`);
        const same = decision && decision.name === ('name' in entity ? entity.name : entity.id);
        if (same && decision.status === 'DROPPED') {
          droppedIds.add(entity.id);
          dropped.push({ document: labels[d], path, name: decision.name });
          return;
        }
        if (same && decision.status === 'MERGED' && target.candidates.some((c) => c.id === decision.resolvedTo))
          target = { id: decision.resolvedTo!, how: 'review' };
        else if (!options.review) {
          const names = target.candidates.map((c) => `"${c.id}" (${c.name})`).join(', ');
          problems.push({
            path,
            message: `"${isNamed(entity) ? displayName(entity) : entity.id}" matches ${target.candidates.length} nodes: ${names}; say which with sameAs, or give it a name of its own`,
          });
          target = { id: entity.id };
        }
      }
      map.set(entity.id, target.id);
      if (target.candidates) held.push({ document: labels[d], path, entity, candidates: target.candidates, relationships: [] });
      if (target.how) documentMerges.push({ document: labels[d], entity: entity.id, node: target.id, how: target.how });
    });
    valid.doc.entities.forEach((entity, i) => {
      if (entity.type !== 'Meeting' || entity.sameAs !== undefined || map.get(entity.id) !== entity.id || known.has(entity.id)) return;
      const path = `${labels[d]}: entities[${i}] (${entity.id})`;
      const found = matchMeeting(entity, describeMeeting(valid, entity.id, map), [...meetings.values()], ownIds);
      if (found.length === 1) {
        map.set(entity.id, found[0].id);
        documentMerges.push({ document: labels[d], entity: entity.id, node: found[0].id, how: 'meeting' });
      } else if (found.length > 1 && options.review) {
        held.push({ document: labels[d], path, entity, candidates: found.map((m) => ({ id: m.id, name: m.name })), relationships: [] });
      } else if (found.length > 1) {
        const names = found.map((m) => `"${m.id}" (${m.name})`).join(', ');
        problems.push({
          path,
          message: `meeting "${entity.name}" matches ${found.length} meetings on its day, place and participants: ${names}; say which with sameAs`,
        });
      }
    });
    // Held and dropped records are left out of the load now.
    const heldIds = new Set([...held.map((h) => h.entity.id), ...droppedIds]);
    const owners = new Map<string, number>();
    valid.doc.entities.forEach((entity, i) => {
      if (heldIds.has(entity.id)) return;
      const node = map.get(entity.id)!;
      const first = owners.get(node);
      if (first === undefined) owners.set(node, i);
      else
        problems.push({
          path: `${labels[d]}: entities[${i}] (${entity.id})`,
          message: `resolves to "${node}", as entities[${first}] (${valid.doc.entities[first].id}) does; one document must not name a node twice, so merge the two entities`,
        });
    });
    if (problems.length) return { valid, problems, held: [] };
    merges.push(...documentMerges);
    for (const [from, to] of map) if (!heldIds.has(from)) idMap.set(from, to);
    valid.doc.entities.forEach((entity) => {
      if (heldIds.has(entity.id)) return;
      index({
        id: map.get(entity.id)!,
        labels: labelsOf(entity.type),
        name: isNamed(entity) ? displayName(entity) : null,
        keys: isNamed(entity) ? nameEntries(entity).flatMap((e) => e.keys) : [],
      });
    });
    for (const entity of valid.doc.entities) {
      const day = meetingDay(entity);
      if (!day || heldIds.has(entity.id) || entity.type !== 'Meeting') continue;
      const id = map.get(entity.id)!;
      const { place, participants } = describeMeeting(valid, entity.id, map);
      const seen = meetings.get(id);
      meetings.set(id, {
        id,
        name: seen?.name ?? entity.name,
        date: day,
        place: seen?.place ?? place,
        participants: [...new Set([...(seen?.participants ?? []), ...participants])],
      });
    }
    const rewritten = rewrite(valid, map);
    if (!heldIds.size) return { valid: rewritten, problems, held };
    // What touches a held entity waits with it; the rest of the document loads now.
    rewritten.doc.relationships.forEach((rel) => {
      for (const h of held) if (rel.from === h.entity.id || rel.to === h.entity.id) h.relationships.push(rel);
    });
    return { valid: withoutHeld(rewritten, heldIds), problems, held };
  });
  return {
    documents: resolved.map((r) => r.valid),
    merges,
    problems: resolved.map((r) => r.problems),
    held: resolved.map((r) => r.held),
    dropped,
  };
}

/**
 * The document without the entities `held` names and the relationships touching them; the
 * evidence of the records kept moves with them to their new positions.
 */
function withoutHeld(valid: ValidDocument, held: Set<string>): ValidDocument {
  const evidence = new Map(valid.evidence.has('source') ? [['source', valid.evidence.get('source')!]] : []);
  const entities: EntityInput[] = [];
  valid.doc.entities.forEach((entity, i) => {
    if (held.has(entity.id)) return;
    const found = valid.evidence.get(`entities[${i}]`);
    if (found) evidence.set(`entities[${entities.length}]`, found);
    entities.push(entity);
  });
  const relationships: RelationshipInput[] = [];
  valid.doc.relationships.forEach((rel, i) => {
    if (held.has(rel.from) || held.has(rel.to)) return;
    const found = valid.evidence.get(`relationships[${i}]`);
    if (found) evidence.set(`relationships[${relationships.length}]`, found);
    relationships.push(rel);
  });
  return { ...valid, doc: { ...valid.doc, entities, relationships }, evidence };
}

function resolveOne(
  entity: EntityInput,
  ownIds: Set<string>,
  labels: string,
  known: Map<string, Candidate>,
  byKey: Map<string, Set<string>>,
  idMap: Map<string, string>,
  path: string,
  problems: Problem[],
): { id: string; how?: Merge['how']; candidates?: HeldEntity['candidates'] } {
  if (entity.sameAs) {
    const id = idMap.get(entity.sameAs) ?? entity.sameAs;
    const node = known.get(id);
    if (ownIds.has(entity.sameAs)) {
      problems.push({
        path: `${path}.sameAs`,
        message: `"${entity.sameAs}" is an entity of this same document; sameAs names a node of the graph or of another document`,
      });
    } else if (!node) {
      problems.push({ path: `${path}.sameAs`, message: `"${entity.sameAs}" is neither in the graph nor in an earlier document of this load` });
    } else if (node.labels !== labels) {
      problems.push({ path: `${path}.sameAs`, message: `"${entity.sameAs}" is ${node.labels}, not ${entity.type}` });
    }
    return { id, how: 'sameAs' };
  }
  const ownNode = idMap.get(entity.id) ?? (known.has(entity.id) ? entity.id : undefined);
  if (ownNode) return { id: ownNode };
  if (!isMatchedByName(entity) || entity.sameAs === null) return { id: entity.id };

  const acronymic = (k: string) => k.startsWith(ACRONYM_PREFIX) || k.startsWith(INITIALS_PREFIX);
  const lookups = new Map(
    lookupKeys(entity).map((k) => [
      k,
      k.startsWith(SURNAME_PREFIX)
        ? ('surname' as const)
        : acronymic(k)
          ? ('acronym' as const)
          : k.startsWith(HEAD_PREFIX)
            ? ('head' as const)
            : ('name' as const),
    ]),
  );
  const aliasKeys = new Set(
    nameEntries(entity)
      .slice(1)
      .map((e) => e.keys[0]),
  );
  const found = new Map<string, Merge['how']>();
  // Names before surnames, and both before initials: a node found both ways was found by its name.
  const order = ['name', 'surname', 'acronym', 'head'];
  for (const [key, how] of [...lookups].sort((a, b) => order.indexOf(a[1]) - order.indexOf(b[1]))) {
    for (const id of byKey.get(key) ?? []) if (!found.has(id)) found.set(id, how);
  }
  for (const key of aliasKeys) {
    for (const id of byKey.get(key) ?? []) {
      const node = known.get(id)!;
      if (node.name !== null && (nameKey(node.name) === key || personKey(node.name) === key) && !found.has(id)) found.set(id, 'alias');
    }
  }
  let matches = [...found].filter(([id]) => known.get(id)!.labels === labels && !ownIds.has(id));
  // A state's institution is never another state's: "Pakistan MoFA" is not the Russian Federation's.
  const country = entity.type === 'Actor' && entity.kind !== 'PERSON' ? institutionCountry(entity.name) : undefined;
  if (country) matches = matches.filter(([id]) => (institutionCountry(known.get(id)!.name ?? '') ?? country) === country);
  // Initials are weak evidence: "UN" and "AA" stand for many names; so is a head noun ("Ministry"). Such
  // a match counts only when no name matched and it is the only one; otherwise the entity keeps a node of its own.
  const named = matches.filter(([, how]) => how !== 'acronym' && how !== 'head');
  if (named.length || matches.length > 1) matches = named;
  const surname = isFullPersonName(entity) ? surnameKey(displayName(entity)) : undefined;
  if (!matches.length && surname) {
    // Step 3b: the same surname, and given names that may be one ("K." for "Kyrylo").
    matches = [...(byKey.get(surname) ?? [])]
      .filter(
        (id) =>
          !ownIds.has(id) &&
          known.get(id)!.labels === labels &&
          // Given names that may be one, or a node named by the surname alone ("Prime Minister Kvirikashvili").
          (givenNamesAgree(displayName(entity), known.get(id)!.name ?? '') || !personKey(known.get(id)!.name ?? '').includes(' ')),
      )
      .map((id) => [id, 'surname'] as [string, Merge['how']]);
  }
  const given = matches.length ? undefined : givenNameLookup(entity);
  if (given) {
    // Step 3c: a person named by one or two words that no name or surname matched ("Raj", "Dr
    // Mahathir", "Mohamed Khaled") is the one person who goes by those given names; two or more are
    // not guessed between.
    const owners = [...(byKey.get(given) ?? [])].filter((id) => !ownIds.has(id) && known.get(id)!.labels === labels);
    if (owners.length === 1) matches = [[owners[0], 'given']];
  }
  if (matches.length === 1) return { id: matches[0][0], how: matches[0][1] };
  if (matches.length > 1) return { id: entity.id, candidates: matches.map(([id]) => ({ id, name: known.get(id)!.name })) };
  return { id: entity.id };
}

/** A draft meeting's place and participants, as the ids they resolved to. */
function describeMeeting(valid: ValidDocument, id: string, map: Map<string, string>): { place: string | null; participants: string[] } {
  const to = (end: string) => map.get(end) ?? end;
  const rels = valid.doc.relationships;
  const place = rels.find((r) => r.type === 'HELD_IN' && r.from === id);
  return { place: place ? to(place.to) : null, participants: rels.filter((r) => r.type === 'PARTICIPATED_IN' && r.to === id).map((r) => to(r.from)) };
}

/**
 * The meetings a draft meeting may be, by what it is: the same day, the same place when both name
 * one, and at least two shared participants (all of its own when it names fewer, at least one).
 * Names and ids are not compared: two rounds of talks can share a name, and one meeting can be
 * reported under several.
 */
export function matchMeeting(
  entity: Extract<EntityInput, { type: 'Meeting' }>,
  draft: { place: string | null; participants: string[] },
  meetings: MeetingCandidate[],
  ownIds: Set<string> = new Set(),
): MeetingCandidate[] {
  const day = meetingDay(entity);
  if (!day) return [];
  const people = new Set(draft.participants);
  const needed = Math.min(2, people.size);
  if (needed === 0) return [];
  return meetings.filter((m) => {
    if (m.date !== day || ownIds.has(m.id)) return false;
    if (draft.place && m.place && draft.place !== m.place) return false;
    return m.participants.filter((p) => people.has(p)).length >= needed;
  });
}

/** A person whose name has a given name and a surname, the ones step 3b may match. */
function isFullPersonName(entity: EntityInput): boolean {
  return entity.type === 'Actor' && entity.kind === 'PERSON' && personKey(entity.name).includes(' ');
}

/** The document with ids replaced through `map` (entities, sameAs dropped, and relationship ends). */
function rewrite(valid: ValidDocument, map: Map<string, string>): ValidDocument {
  const to = (id: string) => map.get(id) ?? id;
  if ([...map].every(([a, b]) => a === b)) return valid;
  const doc = {
    ...valid.doc,
    entities: valid.doc.entities.map(({ sameAs: _sameAs, ...entity }) => ({ ...entity, id: to(entity.id) }) as EntityInput),
    relationships: valid.doc.relationships.map((rel) => ({ ...rel, from: to(rel.from), to: to(rel.to) })),
  };
  return { ...valid, doc };
}
