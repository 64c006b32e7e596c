/**
 * The facts format: one document per source article, holding the source, the entities it names and
 * the relationships it states, each with the evidence it rests on. The seed file, the loader and
 * (later) the ingest mutation all read this one zod schema.
 */
import { z } from 'zod';
import { mixedScriptWord } from './names';

/** Ids are stable, human-readable, lower-case and unique across all types: `actor:andrii-sybiha`. */
export const Id = z.string().regex(/^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must look like "prefix:lower-case-words", e.g. "actor:andrii-sybiha"');

/** Where a fact comes from: a sentence number of the source text and an exact excerpt of it. */
export const EvidenceInput = z.strictObject({
  sentence: z.number().int().positive(),
  excerpt: z.string().min(1),
});

/**
 * A date as precise as the source allows. `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to match
 * `precision`; `inferred` is true when the source does not state the date itself; `expression`
 * keeps the source's own words ("this weekend", "last year").
 */
export const FuzzyDateInput = z
  .strictObject({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
    precision: z.enum(['YEAR', 'MONTH', 'DAY']),
    inferred: z.boolean(),
    expression: z.string().min(1).optional(),
  })
  .refine((d) => d.value.length === { YEAR: 4, MONTH: 7, DAY: 10 }[d.precision], {
    message: 'value does not match precision (YEAR: YYYY, MONTH: YYYY-MM, DAY: YYYY-MM-DD)',
    path: ['value'],
  })
  .refine((d) => isCalendarDate(d.value), { message: 'value is not a real calendar date', path: ['value'] });

/** True when `YYYY[-MM[-DD]]` names a real month and day (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const evidence = z.array(EvidenceInput).min(1, 'every fact needs at least one piece of evidence');

/** A name or title: each word in one script, so that no look-alike of another name gets in (CONFUSABLE_NAME). */
const name = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const mixed = mixedScriptWord(text);
    if (mixed) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'CONFUSABLE_NAME' },
        message: `the word "${mixed.word}" mixes ${mixed.scripts.join(' and ')} letters, which look alike; write each word in one script`,
      });
    }
  });
const aliases = z.array(name).default([]);
/**
 * `sameAs` says that this entity is a node the graph (or another document of the same load) already
 * has under another id; the loader then writes the facts onto that node. `null` says it is none of
 * them: its own id, even when its name matches a node. Without it, an entity is matched by its id,
 * then by its name and aliases (see src/facts/resolve.ts).
 */
const base = { id: Id, sameAs: Id.nullable().optional(), evidence };

export const ActorKind = z.enum(['PERSON', 'ORGANIZATION', 'GROUP']);
export const LocationKind = z.enum(['CITY', 'REGION', 'COUNTRY', 'VENUE', 'AREA']);
export const StatementKind = z.enum(['QUOTE', 'REPORTED']);

/** Every kind of entity a document may hold. A Country is both an actor and a location. */
export const EntityInput = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('Actor'),
    name,
    kind: ActorKind,
    aliases,
    description: z.string().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('Country'), name, aliases, description: z.string().optional() }),
  z.strictObject({
    ...base,
    type: z.literal('Location'),
    name,
    kind: LocationKind.exclude(['COUNTRY']),
    aliases,
    description: z.string().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('Meeting'),
    name,
    aliases,
    startDate: FuzzyDateInput.optional(),
    endDate: FuzzyDateInput.optional(),
    outcome: z.string().optional(),
    description: z.string().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('Position'), title: name, description: z.string().optional() }),
  z.strictObject({
    ...base,
    type: z.literal('Statement'),
    text: z.string().min(1),
    kind: StatementKind,
    topics: z.array(z.string().min(1)).default([]),
    date: FuzzyDateInput.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('Stance'),
    topic: z.string().min(1),
    stance: z.string().regex(/^[A-Z][A-Z_]*$/, 'must be an UPPER_SNAKE word such as DEMANDS or REFUSES'),
    summary: z.string().min(1),
  }),
  z.strictObject({
    ...base,
    type: z.literal('Event'),
    name,
    kind: z
      .string()
      .regex(/^[A-Z][A-Z_]*$/, 'must be an UPPER_SNAKE word such as STRIKE or AGREEMENT')
      .optional(),
    date: FuzzyDateInput.optional(),
    description: z.string().optional(),
  }),
]);

/** Entity types as written in documents; `Source` is the document's own source. */
export type EntityType = z.infer<typeof EntityInput>['type'];
type EndType = EntityType | 'Source';

/**
 * Relationship types, what they may connect, and their optional properties. `from` and `to` name
 * entity types; Country counts wherever Actor or Location is allowed.
 */
export const RELATIONSHIP_RULES = {
  PARTICIPATED_IN: { from: ['Actor'], to: ['Meeting'] },
  HELD_IN: { from: ['Meeting'], to: ['Location'] },
  PART_OF: { from: ['Location'], to: ['Location'] },
  PRECEDED: { from: ['Meeting'], to: ['Meeting'] },
  HOLDS: { from: ['Actor'], to: ['Position'] },
  POSITION_OF: { from: ['Position'], to: ['Actor'] },
  SAID: { from: ['Actor'], to: ['Statement'] },
  REPORTED: { from: ['Actor'], to: ['Statement'] },
  MENTIONS: { from: ['Statement'], to: ['Actor'] },
  ABOUT: { from: ['Statement', 'Stance'], to: ['Actor', 'Location', 'Meeting', 'Position', 'Statement', 'Stance', 'Event'] },
  DURING: { from: ['Statement', 'Event'], to: ['Meeting'] },
  TAKES_STANCE: { from: ['Actor'], to: ['Stance'] },
  RELATED_TO: { from: ['Actor'], to: ['Actor'] },
  INVOLVED_IN: { from: ['Actor'], to: ['Event'] },
  OCCURRED_IN: { from: ['Event'], to: ['Location'] },
  CREDITS: { from: ['Source'], to: ['Actor'] },
} as const satisfies Record<string, { from: readonly EndType[]; to: readonly EndType[] }>;

export type RelationshipType = keyof typeof RELATIONSHIP_RULES;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_RULES) as RelationshipType[];

/**
 * A relationship between two ids. `role` (PARTICIPATED_IN, INVOLVED_IN, CREDITS), `relation`
 * (RELATED_TO, required there: an UPPER_SNAKE verb phrase read from `from` to `to`, such as
 * SON_IN_LAW_OF) and `since`/`until` (HOLDS) are the only properties.
 */
export const RelationshipInput = z
  .strictObject({
    type: z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]]),
    from: Id,
    to: Id,
    role: z.string().min(1).optional(),
    relation: z
      .string()
      .regex(/^[A-Z][A-Z_]*$/, 'must be an UPPER_SNAKE phrase such as SON_IN_LAW_OF')
      .optional(),
    since: FuzzyDateInput.optional(),
    until: FuzzyDateInput.optional(),
    evidence,
  })
  .refine((r) => (r.type === 'RELATED_TO') === (r.relation !== undefined), {
    message: 'relation is required on RELATED_TO and allowed nowhere else',
    path: ['relation'],
  })
  .refine((r) => r.role === undefined || ['PARTICIPATED_IN', 'INVOLVED_IN', 'CREDITS'].includes(r.type), {
    message: 'role is allowed only on PARTICIPATED_IN, INVOLVED_IN and CREDITS',
    path: ['role'],
  })
  .refine((r) => (r.since === undefined && r.until === undefined) || r.type === 'HOLDS', {
    message: 'since and until are allowed only on HOLDS',
    path: ['since'],
  });

/** The source article: its metadata and full text (sentence numbers index into `text`). */
export const SourceInput = z.strictObject({
  id: Id.refine((id) => id.startsWith('source:'), 'a source id starts with "source:"'),
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z
    .url()
    .refine((url) => ['http:', 'https:'].includes(new URL(url).protocol), {
      message: 'must be an http: or https: URL',
      params: { code: 'URL_NOT_ALLOWED' },
    })
    .optional(),
  publishedDate: FuzzyDateInput.optional(),
  text: z.string().min(1),
  /** Evidence for facts about the source itself, such as its photo credit. */
  evidence: z.array(EvidenceInput).default([]),
});

/** A whole facts document. */
export const FactsDocument = z.strictObject({
  /** Where an editor finds the JSON Schema of this file, e.g. "../facts.schema.json". */
  $schema: z.string().optional(),
  /**
   * True on a document drafted by `npm run extract`: a curator reviews it and removes the flag
   * before it can be loaded.
   */
  draft: z.boolean().optional(),
  source: SourceInput,
  entities: z.array(EntityInput),
  relationships: z.array(RelationshipInput),
});

export type EvidenceInput = z.infer<typeof EvidenceInput>;
export type FuzzyDateInput = z.infer<typeof FuzzyDateInput>;
export type EntityInput = z.infer<typeof EntityInput>;
export type RelationshipInput = z.infer<typeof RelationshipInput>;
export type SourceInput = z.infer<typeof SourceInput>;
export type FactsDocument = z.infer<typeof FactsDocument>;

/**
 * A facts document as stored in a file: the source's text may be inline (`text`) or in a file next
 * to it (`textFile`, a path relative to the facts file), never both. src/facts/read.ts inlines it.
 */
export const FactsFile = FactsDocument.extend({
  source: SourceInput.extend({
    text: z.string().min(1).optional(),
    textFile: z.string().min(1).optional().describe("path of the source text, relative to this file; it must lie under this file's directory or FACTS_ROOT"),
  }).refine((s) => (s.text === undefined) !== (s.textFile === undefined), { message: 'give the text inline (text) or as a file (textFile), not both' }),
});
