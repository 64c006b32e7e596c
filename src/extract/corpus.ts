/**
 * The evaluation corpus of real reporting (tests/fixtures/real): each article is a `.txt` (the body,
 * with its headline and dateline where the page had them) and a `.json` holding where it came from
 * and its hand-labelled gold list. This module reads that gold list (zod, so a typo in a fixture is
 * an error, not a silent zero) and turns it into a curated facts document, so that the one scorer of
 * evaluate.ts scores drafts against the corpus and against the seed alike.
 */
import { z } from 'zod';
import type { EntityInput, FactsDocument, RelationshipInput } from '../facts/format';
import { makeId, nameKey } from './names';

/** The entity classes of the gold lists: the facts format's actor kinds and place types. */
export const GOLD_CLASSES = ['person', 'organisation', 'group', 'country', 'location'] as const;
export type GoldClass = (typeof GOLD_CLASSES)[number];

const GoldEntity = z.strictObject({
  name: z.string().min(1),
  class: z.enum(GOLD_CLASSES),
  aliases: z.array(z.string().min(1)).default([]),
  /** Locations only: CITY, REGION, AREA or VENUE. */
  kind: z.enum(['CITY', 'REGION', 'AREA', 'VENUE']).optional(),
});

/** One article's gold list and provenance, as stored in `<slug>.json`. */
export const GoldArticle = z.strictObject({
  url: z.url(),
  /** Who wrote the report (the agency when a site republished it). */
  outlet: z.string().min(1),
  /** The site the text was taken from. */
  site: z.string().min(1),
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null when neither the page nor its address gives a date. */
  published: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  publishedNote: z.string().optional(),
  attribution: z.string().min(1),
  /** dev: rules may be written while reading it; heldout: only scored. */
  split: z.enum(['dev', 'heldout']),
  topic: z.string().min(1),
  entities: z.array(GoldEntity),
  /** Direct quotes; `speaker` is a gold entity name, or null when the text names no one. */
  quotes: z.array(z.strictObject({ text: z.string().min(1), speaker: z.string().min(1).nullable() })),
  /** Meetings held (not planned ones): participants and place are gold entity names. */
  meetings: z.array(z.strictObject({ participants: z.array(z.string().min(1)).min(1), place: z.string().min(1).nullable(), date: z.string().nullable() })),
  /** Offices held, as the text states them. */
  offices: z.array(z.strictObject({ holder: z.string().min(1), title: z.string().min(1) })),
  /** Names that are neither right nor wrong to draft as entities (events, indexes, page furniture). */
  ignore: z.array(z.string().min(1)).default([]),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

const NO_EVIDENCE = [{ sentence: 1, excerpt: '-' }];

/**
 * The gold list as a curated facts document of `text`. Evidence is not labelled (the scorer does not
 * read it), so each fact carries a placeholder; the document is for scoring, not for loading.
 * Throws when a quote, meeting or office names an entity the list does not have.
 */
export function goldToFacts(slug: string, gold: GoldArticle, text: string): FactsDocument {
  const ids = new Map<string, string>();
  const entities: EntityInput[] = gold.entities.map((e) => {
    const id = makeId(e.class === 'country' ? 'country' : e.class === 'location' ? 'location' : 'actor', e.name);
    ids.set(e.name, id);
    const common = { id, name: e.name, aliases: e.aliases, evidence: NO_EVIDENCE };
    if (e.class === 'country') return { ...common, type: 'Country' as const };
    if (e.class === 'location') return { ...common, type: 'Location' as const, kind: e.kind ?? 'AREA' };
    return { ...common, type: 'Actor' as const, kind: ({ person: 'PERSON', organisation: 'ORGANIZATION', group: 'GROUP' } as const)[e.class] };
  });
  const idOf = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`${slug}: "${name}" is not an entity of the gold list`);
    return id;
  };
  const relationships: RelationshipInput[] = [];
  const relate = (type: RelationshipInput['type'], from: string, to: string) => relationships.push({ type, from, to, evidence: NO_EVIDENCE });

  gold.quotes.forEach((q, i) => {
    const id = `statement:q${i + 1}`;
    entities.push({ id, type: 'Statement', kind: 'QUOTE', text: q.text, topics: [], evidence: NO_EVIDENCE });
    if (q.speaker) relate('SAID', idOf(q.speaker), id);
  });
  gold.meetings.forEach((m, i) => {
    const id = `meeting:m${i + 1}`;
    entities.push({ id, type: 'Meeting', name: `Meeting ${i + 1}`, aliases: [], evidence: NO_EVIDENCE });
    for (const p of m.participants) relate('PARTICIPATED_IN', idOf(p), id);
    if (m.place) relate('HELD_IN', id, idOf(m.place));
  });
  gold.offices.forEach((o, i) => {
    const id = `position:p${i + 1}`;
    entities.push({ id, type: 'Position', title: o.title, evidence: NO_EVIDENCE });
    relate('HOLDS', idOf(o.holder), id);
  });
  return {
    source: { id: `source:${nameKey(slug).replace(/ /g, '-') || 'article'}`, title: slug, publisher: gold.outlet, text, evidence: [] },
    entities,
    relationships,
  };
}
