/**
 * Stored properties -> models. Every mapper parses what it reads with its row shape (./rows.ts),
 * so it accepts a partial row (absent properties take their defaults) and refuses a wrongly typed
 * one with a RowShapeError. Nodes and relationships store fuzzy dates flattened as `<name>`,
 * `<name>Precision`, `<name>Inferred`, `<name>Expression`; evidence lives in the claims' JSON body.
 */
import type {
  ActorModel,
  EventModel,
  EvidenceModel,
  ExportEdgeModel,
  FactModel,
  FuzzyDateModel,
  GraphEdgeModel,
  LocationModel,
  MeetingModel,
  NodeModel,
  PositionModel,
  SourceModel,
  StanceModel,
  StatementModel,
} from './models';
import {
  ActorProps,
  ClaimEvidenceBody,
  ClaimProps,
  EventProps,
  FactRow,
  FuzzyDateFields,
  LocationProps,
  MeetingProps,
  parseRow,
  PositionProps,
  type Props,
  RelProps,
  type RelRow,
  RowShapeError,
  SourceProps,
  StanceProps,
  StatementProps,
} from './rows';

export type { Props, RelRow };

/**
 * The evidence of a fact: every piece of every claim on it, claim by claim (claims as stored, in
 * order; see src/repositories/storage.ts for the claim's `body`).
 */
export function toEvidence(claims: Props[]): EvidenceModel[] {
  return claims.flatMap((claim) => {
    const { source: sourceId, body } = parseRow('Claim', ClaimProps, claim);
    const { evidence } = parseRow('Claim body', ClaimEvidenceBody, JSON.parse(body ?? '{}'));
    return evidence.map(([sentence, excerpt, start, end]) => ({ sourceId, sentence, excerpt, start, end }));
  });
}

/** How a stored node or relationship stands among its sources (see FactModel). */
export function toFact(props: Props, key: unknown): FactModel {
  const p = parseRow('Fact', FactRow, { key, sourceCount: props.sourceCount, disputed: props.disputed });
  return fact(p.key, p);
}

function fact(key: string, parsed: { sourceCount: number; disputed: string[] }): FactModel {
  return { key, sourceCount: parsed.sourceCount, disputed: parsed.disputed };
}

/** Reads the fuzzy date stored under `name`, or null when there is none. */
export function toFuzzyDate(props: Props, name: string): FuzzyDateModel | null {
  return fuzzyDate('FuzzyDate', props, name);
}

/** toFuzzyDate for a row of shape `shape`, which errors name. */
function fuzzyDate(shape: string, props: Props, name: string): FuzzyDateModel | null {
  const [valueName, precisionName, inferredName, expressionName] = dateNames(name);
  const stored = { value: props[valueName], precision: props[precisionName], inferred: props[inferredName], expression: props[expressionName] };
  // Most rows hold no date under most names: nothing to parse.
  if (stored.value == null && stored.precision == null && stored.inferred == null && stored.expression == null) return null;
  const rename = (field: string) => `${name}${field === 'value' ? '' : field[0].toUpperCase() + field.slice(1)}`;
  const date = parseRow(shape, FuzzyDateFields, stored, { rename, from: props });
  return date.value === null ? null : { value: date.value, precision: date.precision, inferred: date.inferred, expression: date.expression };
}

/** The stored names of a fuzzy date's four parts, built once per name (rows are read by the thousand). */
const DATE_NAMES = new Map<string, readonly [string, string, string, string]>();
function dateNames(name: string): readonly [string, string, string, string] {
  let names = DATE_NAMES.get(name);
  if (!names) DATE_NAMES.set(name, (names = [name, `${name}Precision`, `${name}Inferred`, `${name}Expression`]));
  return names;
}

export function toActor(props: Props, labels: string[] = []): ActorModel {
  const p = parseRow('Actor', ActorProps, props);
  return {
    nodeType: 'Actor',
    id: p.id,
    fact: fact(p.id, p),
    name: p.name,
    kind: p.kind,
    aliases: p.aliases,
    description: p.description,
    isLocation: labels.includes('Location') || p.kind === 'COUNTRY',
  };
}

export function toLocation(props: Props, labels: string[] = []): LocationModel {
  const p = parseRow('Location', LocationProps, props);
  return {
    nodeType: 'Location',
    id: p.id,
    fact: fact(p.id, p),
    name: p.name,
    kind: p.kind,
    aliases: p.aliases,
    description: p.description,
    isActor: labels.includes('Actor') || p.kind === 'COUNTRY',
  };
}

export function toMeeting(props: Props): MeetingModel {
  const p = parseRow('Meeting', MeetingProps, props);
  return {
    nodeType: 'Meeting',
    id: p.id,
    fact: fact(p.id, p),
    name: p.name,
    aliases: p.aliases,
    description: p.description,
    startDate: fuzzyDate('Meeting', props, 'startDate'),
    endDate: fuzzyDate('Meeting', props, 'endDate'),
    outcome: p.outcome,
  };
}

export function toPosition(props: Props): PositionModel {
  const p = parseRow('Position', PositionProps, props);
  return { nodeType: 'Position', id: p.id, fact: fact(p.id, p), title: p.title, description: p.description };
}

export function toStatement(props: Props): StatementModel {
  const p = parseRow('Statement', StatementProps, props);
  return {
    nodeType: 'Statement',
    id: p.id,
    fact: fact(p.id, p),
    text: p.text,
    kind: p.kind,
    topics: p.topics,
    date: fuzzyDate('Statement', props, 'date'),
  };
}

export function toStance(props: Props): StanceModel {
  const p = parseRow('Stance', StanceProps, props);
  return { nodeType: 'Stance', id: p.id, fact: fact(p.id, p), topic: p.topic, stance: p.stance, summary: p.summary };
}

export function toEvent(props: Props): EventModel {
  const p = parseRow('Event', EventProps, props);
  return {
    nodeType: 'Event',
    id: p.id,
    fact: fact(p.id, p),
    name: p.name,
    kind: p.kind,
    description: p.description,
    date: fuzzyDate('Event', props, 'date'),
  };
}

export function toSource(props: Props): SourceModel {
  const p = parseRow('Source', SourceProps, props);
  return {
    nodeType: 'Source',
    id: p.id,
    fact: fact(p.id, p),
    title: p.title,
    publisher: p.publisher,
    url: p.url,
    publishedDate: fuzzyDate('Source', props, 'publishedDate'),
    text: p.text,
    sentences: p.sentences,
  };
}

/**
 * Maps a node of any type, given its labels, to its model; null when no label names a type.
 * Actor wins over Location for a country, so `node(id)` returns countries as actors.
 */
export function toNode(props: Props, labels: string[]): NodeModel | null {
  if (labels.includes('Actor')) return toActor(props, labels);
  if (labels.includes('Location')) return toLocation(props, labels);
  if (labels.includes('Meeting')) return toMeeting(props);
  if (labels.includes('Position')) return toPosition(props);
  if (labels.includes('Statement')) return toStatement(props);
  if (labels.includes('Stance')) return toStance(props);
  if (labels.includes('Event')) return toEvent(props);
  if (labels.includes('Source')) return toSource(props);
  return null;
}

/**
 * toNode for a node a statement read from the graph: every stored node carries one of the labels
 * toNode knows (the loader writes no other), so one that does not is refused like a mistyped row.
 */
export function toStoredNode(props: Props, labels: string[]): NodeModel {
  const node = toNode(props, labels);
  if (!node) throw new RowShapeError('Node', [{ field: 'labels', message: `none of ${JSON.stringify(labels)} names a node type` }], props);
  return node;
}

/**
 * Maps a stored relationship to an edge, given its already-mapped end nodes. The id is the type
 * and the endpoints, plus the relation where it is part of the stored key (RELATED_TO).
 */
export function toGraphEdge(rel: RelRow, from: NodeModel, to: NodeModel): GraphEdgeModel {
  const { fromId, toId, ...edge } = toExportEdge(rel);
  return { ...edge, from, to };
}

/** Maps a stored relationship to an edge that names its end nodes by id (see toGraphEdge). */
export function toExportEdge(rel: RelRow): Omit<ExportEdgeModel, 'evidence'> {
  const p = parseRow(`${rel.type} relationship`, RelProps, rel.props);
  return {
    id: `${rel.type}:${rel.from}->${rel.to}${p.relation ? `|${p.relation}` : ''}`,
    type: rel.type,
    fromId: rel.from,
    toId: rel.to,
    role: p.role,
    relation: p.relation,
    since: fuzzyDate(`${rel.type} relationship`, rel.props, 'since'),
    until: fuzzyDate(`${rel.type} relationship`, rel.props, 'until'),
    fact: fact(p.key, p),
  };
}
