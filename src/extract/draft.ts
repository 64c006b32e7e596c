/**
 * Drafting a facts document from raw text: the rules of this folder put together. The result is
 * marked `draft: true`; a curator reviews it, adds what rules cannot see (dates, stances, events,
 * reported speech) and removes the flag.
 */
import type { EntityInput, EvidenceInput, FactsDocument, RelationshipInput } from '../facts/format';
import { relationshipKey } from '../facts/validate';
import { analyse } from './document';
import { entityConfidence } from './entities';
import { findMeetings, MEETING_CONFIDENCE } from './meetings';
import { idWords } from '../facts/names';
import { makeId } from './names';
import { findOffices } from './offices';
import { findQuotes } from './quotes';

/** What the caller knows about the source; only `id` is required. */
export interface SourceMeta {
  /** `source:<idWords>`. */
  id: string;
  /** Defaults to the first line of the text. */
  title?: string;
  /** Defaults to "Unknown". */
  publisher?: string;
  /** YYYY-MM-DD. */
  date?: string;
  url?: string;
}

/** Which rules drafted a fact and how sure they are (0..1), for the curator who reviews the draft. */
export interface FactProvenance {
  rules: string[];
  confidence: number;
}

/**
 * Provenance of every drafted fact: entities by id, relationships by `relationshipKey`. The facts
 * format has no place for it (its entities and relationships are strict), so it travels beside the
 * document (`npm run extract -- ... --provenance file.json`).
 */
export interface DraftProvenance {
  entities: Record<string, FactProvenance>;
  relationships: Record<string, FactProvenance>;
}

/** How sure an office read from an apposition is ("Ukraine's minister for foreign affairs, Andrii Sybiha"). */
const OFFICE_CONFIDENCE = 0.8;

/** Drafts the facts document of `text`. Pure: no files, no database. */
export function draftFacts(text: string, meta: SourceMeta): FactsDocument {
  return draftWithProvenance(text, meta).doc;
}

/** Drafts the facts document of `text` with the provenance of each fact. Pure. */
export function draftWithProvenance(text: string, meta: SourceMeta): { doc: FactsDocument; provenance: DraftProvenance } {
  const doc = analyse(text);
  const provenance: DraftProvenance = { entities: {}, relationships: {} };
  const note = (record: Record<string, FactProvenance>, key: string, rules: string[], confidence: number) => {
    const known = record[key];
    if (!known) record[key] = { rules: [...new Set(rules)], confidence };
    else record[key] = { rules: [...new Set([...known.rules, ...rules])], confidence: Math.max(known.confidence, confidence) };
  };
  const offices = findOffices(doc);
  const quotes = findQuotes(doc, offices);
  const meetings = findMeetings(doc, offices);

  const relationships = new Map<string, RelationshipInput>();
  const relate = (
    type: RelationshipInput['type'],
    from: string,
    to: string,
    evidence: EvidenceInput,
    why: FactProvenance,
    extra: Partial<RelationshipInput> = {},
  ) => {
    const rel: RelationshipInput = { type, from, to, evidence: [evidence], ...extra };
    note(provenance.relationships, relationshipKey(rel), why.rules, why.confidence);
    const existing = relationships.get(relationshipKey(rel));
    if (!existing) relationships.set(relationshipKey(rel), rel);
    else if (!existing.evidence.some((e) => e.sentence === evidence.sentence && e.excerpt === evidence.excerpt)) existing.evidence.push(evidence);
  };
  const used = new Set<string>();
  /** The suffix to try next for an id already taken (ids are never freed, so those below it are taken). */
  const nextSuffix = new Map<string, number>();
  const uniqueId = (id: string) => {
    let candidate = id;
    let n = nextSuffix.get(id) ?? 2;
    for (; used.has(candidate); n += 1) candidate = `${id}-${n}`;
    nextSuffix.set(id, n);
    used.add(candidate);
    return candidate;
  };

  // Offices: one Position per title, HOLDS from each holder, POSITION_OF to a named country.
  const positions = new Map<string, Extract<EntityInput, { type: 'Position' }>>();
  for (const office of offices) {
    const id = makeId('position', office.title);
    const position = positions.get(id) ?? { id, type: 'Position' as const, title: office.title, evidence: [] };
    positions.set(id, position);
    if (!position.evidence.some((e) => e.sentence === office.titleEvidence.sentence)) position.evidence.push(office.titleEvidence);
    const why = { rules: ['apposition'], confidence: OFFICE_CONFIDENCE };
    note(provenance.entities, id, why.rules, why.confidence);
    relate('HOLDS', office.holderId, id, office.holdsEvidence, why);
    if (office.country) relate('POSITION_OF', id, doc.index.country(office.country, office.titleEvidence).id, office.titleEvidence, why);
  }

  // Quotes: a Statement each, SAID from the speaker when one could be told.
  const statements: EntityInput[] = [];
  for (const quote of quotes) {
    const speaker = quote.speakerId ? doc.index.entities.get(quote.speakerId) : undefined;
    const who = speaker ? idWords(speaker.kind === 'PERSON' ? speaker.name.split(' ').pop()! : speaker.name) : 'unattributed';
    const id = uniqueId(`statement:${who}-${idWords(quote.text.split(/\s+/).slice(0, 6).join(' '))}`);
    statements.push({ id, type: 'Statement', kind: 'QUOTE', text: quote.text, topics: [], evidence: [quote.evidence] });
    note(provenance.entities, id, ['quote-marks'], 0.95);
    if (quote.speakerId && quote.attribution)
      relate('SAID', quote.speakerId, id, quote.attribution, { rules: [quote.rule ?? 'speaker'], confidence: quote.confidence ?? 0.7 });
  }

  // Meetings: PARTICIPATED_IN from each participant, HELD_IN the place.
  const meetingEntities: EntityInput[] = [];
  for (const meeting of meetings) {
    const id = uniqueId(makeId('meeting', meeting.key));
    meetingEntities.push({ id, type: 'Meeting', name: meeting.name, aliases: [], evidence: meeting.evidence });
    const why = { rules: meeting.rules, confidence: Math.min(...meeting.rules.map((r) => MEETING_CONFIDENCE[r] ?? 0.7)) };
    note(provenance.entities, id, why.rules, why.confidence);
    for (const p of meeting.participants) relate('PARTICIPATED_IN', p.id, id, p.evidence, why);
    if (meeting.place) relate('HELD_IN', id, meeting.place.id, meeting.place.evidence, why);
  }

  const named: EntityInput[] = [...doc.index.entities.values()].map((e) => {
    note(provenance.entities, e.id, e.rules.size ? [...e.rules] : ['gazetteer'], e.rules.size ? entityConfidence(e) : 0.95);
    const description = e.standsFor ? { description: `The government of ${e.standsFor}, named for its seat` } : {};
    const common = { id: e.id, name: e.name, aliases: [...e.aliases], evidence: e.evidence, ...description };
    if (e.type === 'Country') return { ...common, type: 'Country' as const };
    if (e.type === 'Location') return { ...common, type: 'Location' as const, kind: e.kind as 'CITY' | 'REGION' | 'AREA' };
    return { ...common, type: 'Actor' as const, kind: e.kind as 'PERSON' | 'ORGANIZATION' | 'GROUP' };
  });

  const result: FactsDocument = {
    draft: true,
    source: {
      id: meta.id,
      title: meta.title ?? firstLine(text),
      publisher: meta.publisher ?? 'Unknown',
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.date ? { publishedDate: { value: meta.date, precision: 'DAY' as const, inferred: false } } : {}),
      text,
      evidence: [],
    },
    entities: [...named, ...positions.values(), ...statements, ...meetingEntities],
    relationships: [...relationships.values()],
  };
  return { doc: result, provenance };
}

/** The first non-empty line, trimmed; "Untitled" for a text without one. */
function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? 'Untitled'
  );
}
