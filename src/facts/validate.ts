/**
 * Whole-document validation for facts documents: the zod shape first, then what a shape cannot
 * say (unique ids, known endpoints of the right types, excerpts that really are in the sentence
 * they cite). Every problem is reported, each with a path to the record and field, so a curator
 * can fix a file in one pass.
 */
import type { z } from 'zod';
import { type EntityInput, type EntityType, type EvidenceInput, FactsDocument, RELATIONSHIP_RULES, type RelationshipInput } from './format';
import { type Sentence, splitSentences } from './sentences';

/**
 * Stable codes of the problems a caller may want to branch on (the others are plain format
 * problems). The file codes come from src/facts/read.ts, which alone reads files.
 */
export type ProblemCode =
  | 'PATH_OUTSIDE_ROOT'
  | 'NOT_A_REGULAR_FILE'
  | 'FILE_UNREADABLE'
  | 'FILE_TOO_LARGE'
  | 'INVALID_JSON'
  | 'TEXT_TOO_LARGE'
  | 'TEXT_FILE_NOT_ALLOWED'
  | 'URL_NOT_ALLOWED'
  | 'CONFUSABLE_NAME'
  | 'EVIDENCE_TOO_COSTLY';

/** One thing wrong with a document: where (`entities[3].evidence[0].excerpt`), what, and its code if it has one. */
export interface Problem {
  path: string;
  message: string;
  code?: ProblemCode;
}

/** A problem as one line: `path: [CODE] message`. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.code ? `[${problem.code}] ` : ''}${problem.message}`;
}

/** The largest source text accepted by default (SOURCE_TEXT_MAX_BYTES), in UTF-8 bytes. */
export const DEFAULT_SOURCE_TEXT_MAX_BYTES = 2_000_000;

/** The longest reason a curator may give (REASON_MAX_CHARS) by default, in characters. */
export const DEFAULT_REASON_MAX_CHARS = 2_000;

/** Bounds on a document's text (config.facts.maxTextBytes) and on curators' reasons. */
export interface TextLimits {
  /** SOURCE_TEXT_MAX_BYTES: the longest `source.text`, in UTF-8 bytes. */
  maxTextBytes: number;
  /** REASON_MAX_CHARS: the longest `reason` of a retraction, pin, review settlement or unmerge (DEFAULT_REASON_MAX_CHARS without it). */
  maxReasonChars?: number;
}

/**
 * Locating excerpts may read at most this many times SOURCE_TEXT_MAX_BYTES characters of
 * sentences per document. Each distinct excerpt is searched for in its sentence once, which is
 * linear in the sentence; but thousands of distinct excerpts citing one very long "sentence" (a
 * text without full stops) would multiply that into seconds of CPU. Real documents use a tiny
 * fraction of this (the seed: about 30,000 characters).
 */
export const EVIDENCE_SCAN_FACTOR = 25;

/** The problem for a text of `bytes` bytes over the limit (also used before a text file is read). */
export function textTooLarge(path: string, bytes: number, limits: TextLimits): Problem {
  return {
    path,
    code: 'TEXT_TOO_LARGE',
    message: `the source text has ${bytes} bytes; the limit is ${limits.maxTextBytes} (SOURCE_TEXT_MAX_BYTES)`,
  };
}

/** Evidence after validation: the source and the exact character span of the excerpt. */
export interface ResolvedEvidence {
  sourceId: string;
  sentence: number;
  excerpt: string;
  start: number;
  end: number;
}

/** A document that passed validation, with every excerpt located in the source text. */
export interface ValidDocument {
  doc: FactsDocument;
  sentences: Sentence[];
  /** Evidence keyed by the record it belongs to: `source`, `entities[i]` or `relationships[i]`. */
  evidence: Map<string, ResolvedEvidence[]>;
}

export type ValidationResult = { ok: true; value: ValidDocument } | { ok: false; problems: Problem[] };

/**
 * Validates an already parsed JSON value as a facts document. `external` types the graph's nodes
 * that a curator's addition may link to without declaring them (relationship ends only). A text
 * over `limits.maxTextBytes` is refused before anything else is looked at, so an oversized
 * document costs no more than measuring its text.
 */
export function validateFacts(
  input: unknown,
  external?: ReadonlyMap<string, EntityType>,
  limits: TextLimits = { maxTextBytes: DEFAULT_SOURCE_TEXT_MAX_BYTES },
): ValidationResult {
  const text = (input as { source?: { text?: unknown } } | null)?.source?.text;
  if (typeof text === 'string') {
    // One UTF-16 unit is 1 to 3 UTF-8 bytes: only a text that may be near the limit is counted.
    const bytes = text.length * 3 <= limits.maxTextBytes ? 0 : Buffer.byteLength(text, 'utf8');
    if (bytes > limits.maxTextBytes) return { ok: false, problems: [textTooLarge('source.text', bytes, limits)] };
  }
  const parsed = FactsDocument.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, input) };

  const doc = parsed.data;
  const problems: Problem[] = [];
  const sentences = splitSentences(doc.source.text);
  const evidence = new Map<string, ResolvedEvidence[]>();
  const scanLimit = EVIDENCE_SCAN_FACTOR * limits.maxTextBytes;
  const search: EvidenceSearch = { offsets: new Map(), limit: scanLimit, budget: scanLimit, exhausted: false };
  const locate = (record: string, items: EvidenceInput[]) => {
    evidence.set(
      record,
      items.map((item, i) => resolveEvidence(doc.source.id, sentences, item, `${record}.evidence[${i}]`, problems, search)),
    );
  };

  locate('source', doc.source.evidence);
  const types = new Map<string, EntityType | 'Source'>([[doc.source.id, 'Source']]);
  doc.entities.forEach((entity, i) => {
    const record = `entities[${i}]`;
    if (types.has(entity.id)) problems.push({ path: `${record}.id`, message: `id "${entity.id}" is used twice` });
    else types.set(entity.id, entity.type);
    locate(record, entity.evidence);
  });

  const keys = new Set<string>();
  doc.relationships.forEach((rel, i) => {
    const record = `relationships[${i}]`;
    checkEnd(rel, 'from', types.get(rel.from) ?? external?.get(rel.from), `${record}.from`, problems);
    checkEnd(rel, 'to', types.get(rel.to) ?? external?.get(rel.to), `${record}.to`, problems);
    const key = relationshipKey(rel);
    if (keys.has(key)) problems.push({ path: record, message: `the same relationship (${key}) is stated twice; merge the evidence` });
    keys.add(key);
    locate(record, rel.evidence);
  });

  doc.entities.forEach((entity, i) => {
    if (entity.type !== 'Stance') return;
    const takers = doc.relationships.filter((r) => r.type === 'TAKES_STANCE' && r.to === entity.id).length;
    if (takers !== 1) {
      problems.push({
        path: `entities[${i}]`,
        message: `stance "${entity.id}" needs exactly one TAKES_STANCE relationship from the actor taking it; found ${takers}`,
      });
    }
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { doc, sentences, evidence } };
}

/** The identity of a relationship: two facts with the same key are the same fact. */
export function relationshipKey(rel: Pick<RelationshipInput, 'from' | 'type' | 'to' | 'relation'>): string {
  return `${rel.from}|${rel.type}|${rel.to}${rel.relation ? `|${rel.relation}` : ''}`;
}

/** The types an entity of type `t` can stand for at a relationship end. */
function standsFor(t: EntityType | 'Source'): string[] {
  return t === 'Country' ? ['Country', 'Actor', 'Location'] : [t];
}

function checkEnd(rel: RelationshipInput, end: 'from' | 'to', actual: EntityType | 'Source' | undefined, path: string, problems: Problem[]): void {
  const allowed: readonly string[] = RELATIONSHIP_RULES[rel.type][end];
  if (actual === undefined) {
    problems.push({ path, message: `"${rel[end]}" is not the id of an entity in this document` });
  } else if (!standsFor(actual).some((t) => allowed.includes(t))) {
    problems.push({
      path,
      message: `${rel.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${actual} ("${rel[end]}"); allowed: ${allowed.join(', ')}`,
    });
  }
}

function resolveEvidence(
  sourceId: string,
  sentences: Sentence[],
  item: EvidenceInput,
  path: string,
  problems: Problem[],
  search: EvidenceSearch,
): ResolvedEvidence {
  const sentence = sentences[item.sentence - 1];
  const offset = sentence ? locateExcerpt(sentence, item, search) : -1;
  if (search.exhausted) {
    if (search.exhausted !== 'reported') {
      search.exhausted = 'reported';
      problems.push({
        path,
        code: 'EVIDENCE_TOO_COSTLY',
        message: `locating the excerpts would read more than ${search.limit} characters of sentences (${EVIDENCE_SCAN_FACTOR} × SOURCE_TEXT_MAX_BYTES); cite fewer distinct excerpts of long sentences`,
      });
    }
  } else if (!sentence) {
    problems.push({ path: `${path}.sentence`, message: `the source has ${sentences.length} sentences; there is no sentence ${item.sentence}` });
  } else if (offset < 0) {
    problems.push({ path: `${path}.excerpt`, message: `"${item.excerpt}" is not in sentence ${item.sentence}: "${shorten(sentence.text)}"` });
  }
  const start = sentence && offset >= 0 ? sentence.start + offset : -1;
  return { sourceId, sentence: item.sentence, excerpt: item.excerpt, start, end: start < 0 ? -1 : start + item.excerpt.length };
}

/** Excerpts already searched for, and what searching more may still read. */
interface EvidenceSearch {
  /** `sentence\0excerpt` -> offset in the sentence (-1: not in it). */
  offsets: Map<string, number>;
  /** Characters of sentences that searching may read in all, and may still read. */
  limit: number;
  budget: number;
  exhausted: boolean | 'reported';
}

/**
 * The excerpt's offset in its sentence. A curator's evidence is repeated on every relationship it
 * supports, so each (sentence, excerpt) is searched for once; String#indexOf is linear in the
 * sentence (V8 falls back to Boyer-Moore on long patterns).
 */
function locateExcerpt(sentence: Sentence, item: EvidenceInput, search: EvidenceSearch): number {
  const key = `${item.sentence}\u0000${item.excerpt}`;
  const known = search.offsets.get(key);
  if (known !== undefined) return known;
  if (search.exhausted || sentence.text.length > search.budget) {
    search.exhausted = search.exhausted || true;
    return -1;
  }
  search.budget -= sentence.text.length;
  const offset = sentence.text.indexOf(item.excerpt);
  search.offsets.set(key, offset);
  return offset;
}

/** A sentence as quoted in a problem: whole when short, its start otherwise (a "sentence" may be a 2 MB line). */
function shorten(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 200)}… (${text.length} characters)`;
}

function zodProblems(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => {
    // Rules with a stable code (format.ts) carry it in the issue's params.
    const code = issue.code === 'custom' ? (issue.params?.code as ProblemCode | undefined) : undefined;
    return { path: formatPath(issue.path, input), message: issue.message, ...(code ? { code } : {}) };
  });
}

/** `['entities', 3, 'name']` -> `entities[3] (actor:foo).name`, naming the record by its id. */
function formatPath(path: PropertyKey[], input: unknown): string {
  let out = '';
  let node: unknown = input;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number' && node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') {
      out += ` (${(node as { id: string }).id})`;
    }
  }
  return out || '(document)';
}

export type { EntityInput };
