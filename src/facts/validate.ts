/**
 * Whole-document validation for facts documents: the zod shape first, then what a shape cannot
 * say (unique ids, known endpoints of the right types, excerpts that really are in the sentence
 * they cite). Every problem is reported, each with a path to the record and field, so a curator
 * can fix a file in one pass.
 */
import type { z } from 'zod';
import {
  type EntityInput,
  type EntityType,
  type EvidenceInput,
  FactsDocument,
  RELATIONSHIP_RULES,
  type RelationshipInput,
} from './format';
import { type Sentence, splitSentences } from './sentences';

/** One thing wrong with a document: where (`entities[3].evidence[0].excerpt`) and what. */
export interface Problem {
  path: string;
  message: string;
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
 * that a curator's addition may link to without declaring them (relationship ends only).
 */
export function validateFacts(input: unknown, external?: ReadonlyMap<string, EntityType>): ValidationResult {
  const parsed = FactsDocument.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, input) };

  const doc = parsed.data;
  const problems: Problem[] = [];
  const sentences = splitSentences(doc.source.text);
  const evidence = new Map<string, ResolvedEvidence[]>();
  const locate = (record: string, items: EvidenceInput[]) => {
    evidence.set(record, items.map((item, i) => resolveEvidence(doc.source.id, sentences, item, `${record}.evidence[${i}]`, problems)));
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
      problems.push({ path: `entities[${i}]`, message: `stance "${entity.id}" needs exactly one TAKES_STANCE relationship from the actor taking it; found ${takers}` });
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

function checkEnd(
  rel: RelationshipInput,
  end: 'from' | 'to',
  actual: EntityType | 'Source' | undefined,
  path: string,
  problems: Problem[],
): void {
  const allowed: readonly string[] = RELATIONSHIP_RULES[rel.type][end];
  if (actual === undefined) {
    problems.push({ path, message: `"${rel[end]}" is not the id of an entity in this document` });
  } else if (!standsFor(actual).some((t) => allowed.includes(t))) {
    problems.push({ path, message: `${rel.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${actual} ("${rel[end]}"); allowed: ${allowed.join(', ')}` });
  }
}

function resolveEvidence(
  sourceId: string,
  sentences: Sentence[],
  item: EvidenceInput,
  path: string,
  problems: Problem[],
): ResolvedEvidence {
  const sentence = sentences[item.sentence - 1];
  const offset = sentence ? sentence.text.indexOf(item.excerpt) : -1;
  if (!sentence) {
    problems.push({ path: `${path}.sentence`, message: `the source has ${sentences.length} sentences; there is no sentence ${item.sentence}` });
  } else if (offset < 0) {
    problems.push({ path: `${path}.excerpt`, message: `"${item.excerpt}" is not in sentence ${item.sentence}: "${sentence.text}"` });
  }
  const start = sentence && offset >= 0 ? sentence.start + offset : -1;
  return { sourceId, sentence: item.sentence, excerpt: item.excerpt, start, end: start < 0 ? -1 : start + item.excerpt.length };
}

function zodProblems(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, input), message: issue.message }));
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
