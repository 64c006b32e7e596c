/**
 * Pairwise precision and recall of entity resolution's merges on a gold list. Each surface form a
 * gold entity has in the text (its name and aliases) is loaded as an entity of its own, in a
 * document of its own, through the loader's resolution (src/facts/resolve.ts) with an empty graph;
 * two forms are put together when they resolve to one node. The gold puts two forms together when
 * they are forms of one gold entity. Over all pairs of forms of one article:
 *
 *   precision = pairs put together that the gold groups / pairs put together
 *   recall    = pairs put together that the gold groups / pairs the gold groups
 *
 * Forms are loaded longest first (most words), as a graph holds the full name before a later report
 * says "Zelensky" alone; a form that matches two nodes is a problem for resolution, so it stays apart.
 * Only names are compared: the gold's alias lists are not given to resolution, so "UK" and "United
 * Kingdom" count as a pair resolution missed, as they would be for two reports that each use one.
 */
import type { EntityInput, FactsDocument } from '../facts/format';
import { resolveEntities } from '../facts/resolve';
import type { ValidDocument } from '../facts/validate';
import type { GoldArticle } from './corpus';
import { idWords } from '../facts/names';

/** Pair counts and the scores they give. */
export interface PairScore {
  /** Pairs of forms resolution put together that the gold groups too. */
  right: number;
  /** Pairs resolution put together. */
  merged: number;
  /** Pairs the gold groups. */
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A pair score from its counts; an empty side scores 1 (nothing to get wrong), not NaN. */
export function pairScore(right: number, merged: number, gold: number): PairScore {
  const precision = merged ? right / merged : 1;
  const recall = gold ? right / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { right, merged, gold, precision, recall, f1 };
}

/** Adds pair counts up (micro-average). */
export function sumPairs(scores: PairScore[]): PairScore {
  return pairScore(
    scores.reduce((n, s) => n + s.right, 0),
    scores.reduce((n, s) => n + s.merged, 0),
    scores.reduce((n, s) => n + s.gold, 0),
  );
}

interface Form {
  text: string;
  /** Index of the gold entity it is a form of. */
  entity: number;
  input: EntityInput;
}

/** The facts entity a surface form of a gold entity loads as (a person, organisation, group, country or place). */
function asEntity(id: string, name: string, gold: GoldArticle['entities'][number]): EntityInput {
  const evidence = [{ sentence: 1, excerpt: name }];
  if (gold.class === 'country') return { id, type: 'Country', name, aliases: [], evidence };
  if (gold.class === 'location') return { id, type: 'Location', kind: gold.kind ?? 'AREA', name, aliases: [], evidence };
  return { id, type: 'Actor', kind: ({ person: 'PERSON', organisation: 'ORGANIZATION', group: 'GROUP' } as const)[gold.class], name, aliases: [], evidence };
}

/** Scores resolution's merges of one article's gold surface forms; see the module comment. */
export function scoreResolution(gold: GoldArticle): PairScore {
  const forms: Form[] = [];
  gold.entities.forEach((e, entity) => {
    for (const text of new Set([e.name, ...e.aliases])) forms.push({ text, entity, input: asEntity(`form:${forms.length}-${idWords(text)}`, text, e) });
  });
  forms.sort((a, b) => b.text.split(/\s+/).length - a.text.split(/\s+/).length);
  const documents: ValidDocument[] = forms.map((f, i) => {
    const doc: FactsDocument = {
      source: { id: `source:form-${i}`, title: f.text, publisher: '-', text: f.text, evidence: [] },
      entities: [f.input],
      relationships: [],
    };
    return { doc, sentences: [], evidence: new Map() };
  });
  // Only equality of labels matters to resolution, so the entity type stands for its labels.
  const result = resolveEntities(
    documents,
    forms.map((f) => f.text),
    { byId: new Map(), byKey: [] },
    (type) => type,
  );
  const node = result.documents.map((d, i) => (result.problems[i].length ? `unresolved:${i}` : d.doc.entities[0].id));
  let right = 0;
  let merged = 0;
  let grouped = 0;
  for (let i = 0; i < forms.length; i += 1) {
    for (let j = i + 1; j < forms.length; j += 1) {
      const together = node[i] === node[j];
      const same = forms[i].entity === forms[j].entity;
      if (together) merged += 1;
      if (same) grouped += 1;
      if (together && same) right += 1;
    }
  }
  return pairScore(right, merged, grouped);
}
