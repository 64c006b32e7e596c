/**
 * Stored properties -> models. Nodes and relationships store evidence as parallel lists
 * (`evidenceSource`, `evidenceSentence`, `evidenceExcerpt`, `evidenceStart`, `evidenceEnd`) and
 * fuzzy dates as `<name>`, `<name>Precision`, `<name>Inferred`, `<name>Expression`.
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

/** Stored properties of a node or relationship, as returned by a map projection and already plain. */
export type Props = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The evidence of a fact: every piece of every claim on it, claim by claim (claims as stored, in
 * order; see src/repositories/storage.ts for the claim's `body`).
 */
export function toEvidence(claims: Props[]): EvidenceModel[] {
  return claims.flatMap((claim) => {
    const sourceId = claim.source as string;
    const body = JSON.parse((claim.body as string | undefined) ?? '{}') as { evidence?: [number, string, number, number][] };
    return (body.evidence ?? []).map(([sentence, excerpt, start, end]) => ({ sourceId, sentence, excerpt, start, end }));
  });
}

/** How a stored node or relationship stands among its sources (see FactModel). */
export function toFact(props: Props, key: unknown): FactModel {
  return { key: key as string, sourceCount: typeof props.sourceCount === 'number' ? props.sourceCount : 0, disputed: strs(props.disputed) };
}

/** Reads the fuzzy date stored under `name`, or null when there is none. */
export function toFuzzyDate(props: Props, name: string): FuzzyDateModel | null {
  const value = str(props[name]);
  if (value === null) return null;
  return {
    value,
    precision: props[`${name}Precision`] as FuzzyDateModel['precision'],
    inferred: props[`${name}Inferred`] === true,
    expression: str(props[`${name}Expression`]),
  };
}

export function toActor(props: Props, labels: string[] = []): ActorModel {
  return {
    nodeType: 'Actor',
    id: props.id as string,
    fact: toFact(props, props.id),
    name: props.name as string,
    kind: props.kind as ActorModel['kind'],
    aliases: strs(props.aliases),
    description: str(props.description),
    isLocation: labels.includes('Location') || props.kind === 'COUNTRY',
  };
}

export function toLocation(props: Props, labels: string[] = []): LocationModel {
  return {
    nodeType: 'Location',
    id: props.id as string,
    fact: toFact(props, props.id),
    name: props.name as string,
    kind: props.kind as LocationModel['kind'],
    aliases: strs(props.aliases),
    description: str(props.description),
    isActor: labels.includes('Actor') || props.kind === 'COUNTRY',
  };
}

export function toMeeting(props: Props): MeetingModel {
  return {
    nodeType: 'Meeting',
    id: props.id as string,
    fact: toFact(props, props.id),
    name: props.name as string,
    aliases: strs(props.aliases),
    description: str(props.description),
    startDate: toFuzzyDate(props, 'startDate'),
    endDate: toFuzzyDate(props, 'endDate'),
    outcome: str(props.outcome),
  };
}

export function toPosition(props: Props): PositionModel {
  return {
    nodeType: 'Position',
    id: props.id as string,
    fact: toFact(props, props.id),
    title: props.title as string,
    description: str(props.description),
  };
}

export function toStatement(props: Props): StatementModel {
  return {
    nodeType: 'Statement',
    id: props.id as string,
    fact: toFact(props, props.id),
    text: props.text as string,
    kind: props.kind as StatementModel['kind'],
    topics: strs(props.topics),
    date: toFuzzyDate(props, 'date'),
  };
}

export function toStance(props: Props): StanceModel {
  return {
    nodeType: 'Stance',
    id: props.id as string,
    fact: toFact(props, props.id),
    topic: props.topic as string,
    stance: props.stance as string,
    summary: props.summary as string,
  };
}

export function toEvent(props: Props): EventModel {
  return {
    nodeType: 'Event',
    id: props.id as string,
    fact: toFact(props, props.id),
    name: props.name as string,
    kind: str(props.kind),
    description: str(props.description),
    date: toFuzzyDate(props, 'date'),
  };
}

export function toSource(props: Props): SourceModel {
  return {
    nodeType: 'Source',
    id: props.id as string,
    fact: toFact(props, props.id),
    title: props.title as string,
    publisher: props.publisher as string,
    url: str(props.url),
    publishedDate: toFuzzyDate(props, 'publishedDate'),
    text: props.text as string,
    sentences: strs(props.sentences),
  };
}

/**
 * Maps a node of any type, given its labels, to its model. Actor wins over Location for a
 * country, so `node(id)` returns countries as actors.
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

/** A relationship as a read statement returns it: its type, end node ids and stored properties. */
export interface RelRow {
  type: string;
  from: string;
  to: string;
  props: Props;
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
  const relation = str(rel.props.relation);
  return {
    id: `${rel.type}:${rel.from}->${rel.to}${relation ? `|${relation}` : ''}`,
    type: rel.type,
    fromId: rel.from,
    toId: rel.to,
    role: str(rel.props.role),
    relation,
    since: toFuzzyDate(rel.props, 'since'),
    until: toFuzzyDate(rel.props, 'until'),
    fact: toFact(rel.props, rel.props.key),
  };
}
