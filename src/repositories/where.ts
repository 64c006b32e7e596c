/**
 * The `where` filters of lists, compiled to Cypher predicates over `n` (the listed node). Each
 * type has a table of rules, one per filter field; `AND`, `OR` and `NOT` combine filters of the
 * same type. Values always travel as parameters; rules are the only Cypher, and they are constants.
 */
import type { Filter, SortKey } from './graph-reader';
import { type DateRange, dateRangePredicates } from './date-range';
import { RequestLimitError } from '../errors';
import type {
  ActorOrderField,
  ActorWhere,
  EventOrderField,
  EventWhere,
  LocationOrderField,
  LocationWhere,
  MeetingOrderField,
  MeetingWhere,
  PositionOrderField,
  PositionWhere,
  SourceWhere,
  StanceOrderField,
  StanceWhere,
  StatementOrderField,
  StatementWhere,
} from '../generated/resolvers-types';

/** The combinators every `where` input has. Empty `AND`/`OR` lists constrain nothing. */
export interface Combinable<W> {
  AND?: readonly W[] | null;
  OR?: readonly W[] | null;
  NOT?: W | null;
}

/**
 * A field's predicate, and optionally an anchor: a pattern from a node found by id to `(n)` that
 * every match satisfies, so a list can start from that node instead of scanning the label.
 */
interface Compiled {
  predicate: string;
  anchor?: string;
}

/** Turns one field's value into a predicate; `param` stores a value and returns its `$name`. */
type Rule = (value: never, param: (value: unknown) => string) => string | Compiled;
type Rules<W> = { [K in Exclude<keyof W, keyof Combinable<W>>]-?: Rule };

/**
 * The most a `where` may nest, and the most fields it may set (AND, OR and NOT included), whatever
 * the settings say: the API refuses larger filters first (GRAPHQL_MAX_FILTER_*, which may not be set
 * above these), and this compiler refuses them again, so no caller can build a statement that
 * Neo4j's parser and planner, which no timeout stops, would spend minutes on.
 */
export const WHERE_MAX_DEPTH = 32;
export const WHERE_MAX_FIELDS = 5_000;

/** How far part-of chains are followed (venue -> city -> region -> country). */
export const MAX_PART_OF_DEPTH = 10;

/** A compiled filter: a predicate (or none), and anchors whose matches cover every result (or none). */
interface Built {
  predicate: string | null;
  anchors: string[] | null;
}

/**
 * Compiles `where` into one predicate (or none). Parameter names start with `prefix`. When the
 * filter pins the results to nodes linked to given ids (`speakerId`, or an OR of such fields), the
 * filter also carries those anchor patterns: together they find every node the predicate can
 * accept, through indexes.
 */
function compile<W extends Combinable<W>>(rules: Rules<W>, where: W | null | undefined, prefix: string): Filter {
  checkSize(where);
  const params: Record<string, unknown> = {};
  let next = 0;
  const param = (value: unknown) => {
    const name = `${prefix}${next++}`;
    params[name] = value;
    return `$${name}`;
  };
  const build = (w: W): Built => {
    // Conjuncts: every part must hold, so any part's anchors cover the whole.
    const parts: Built[] = [];
    for (const [key, value] of Object.entries(w) as [string, unknown][]) {
      if (value == null) continue;
      if (key === 'AND') {
        parts.push(...(value as W[]).map(build));
      } else if (key === 'OR') {
        const inner = (value as W[]).map(build);
        // An empty disjunct accepts everything, and so does the whole OR.
        if (inner.length && inner.every((b) => b.predicate !== null)) {
          parts.push({
            predicate: inner.map((b) => `(${b.predicate})`).join(' OR '),
            anchors: inner.every((b) => b.anchors) ? inner.flatMap((b) => b.anchors!) : null,
          });
        }
      } else if (key === 'NOT') {
        const inner = build(value as W);
        if (inner.predicate) parts.push({ predicate: `NOT (${inner.predicate})`, anchors: null });
      } else {
        const compiled = (rules as Record<string, Rule>)[key](value as never, param);
        parts.push(
          typeof compiled === 'string'
            ? { predicate: compiled, anchors: null }
            : { predicate: compiled.predicate, anchors: compiled.anchor ? [compiled.anchor] : null },
        );
      }
    }
    const predicates = parts.flatMap((b) => (b.predicate ? [`(${b.predicate})`] : []));
    return { predicate: predicates.length ? predicates.join(' AND ') : null, anchors: parts.find((b) => b.anchors)?.anchors ?? null };
  };
  const built = where ? build(where) : { predicate: null, anchors: null };
  return { predicates: built.predicate ? [built.predicate] : [], params, anchors: built.anchors };
}

/**
 * Refuses a `where` beyond WHERE_MAX_DEPTH or WHERE_MAX_FIELDS before `build` recurses into it; it
 * counts as the API does (GRAPHQL_MAX_FILTER_DEPTH and _FIELDS, src/limits/measure.ts).
 */
function checkSize(where: unknown): void {
  const stack: { value: unknown; level: number }[] = [{ value: where, level: 1 }];
  let fields = 0;
  while (stack.length > 0) {
    const { value, level } = stack.pop()!;
    if (value == null || typeof value !== 'object') continue;
    if (level > WHERE_MAX_DEPTH)
      throw new RequestLimitError('FILTER_TOO_DEEP', 'a filter nested to a depth of at least', 'WHERE_MAX_DEPTH (fixed)', level, WHERE_MAX_DEPTH);
    for (const [key, inner] of Object.entries(value)) {
      if (inner == null) continue;
      fields += 1;
      if (fields > WHERE_MAX_FIELDS)
        throw new RequestLimitError('FILTER_TOO_LARGE', 'filter fields: at least', 'WHERE_MAX_FIELDS (fixed)', fields, WHERE_MAX_FIELDS);
      if (key === 'AND' || key === 'OR') for (const entry of inner as unknown[]) stack.push({ value: entry, level: level + 1 });
      if (key === 'NOT') stack.push({ value: inner, level: level + 1 });
    }
  }
}

/** What every node type's `where` can ask of its sources (see src/facts/claims.ts). */
export interface SupportWhere {
  minSources?: number | null;
  sourceId?: string | null;
  disputed?: boolean | null;
}

const supportRules: Rules<SupportWhere> = {
  minSources: (value, param) => `coalesce(n.sourceCount, 0) >= ${param(value)}`,
  // The claim is found through the claim_of index, then checked for its source.
  sourceId: (value, param) => `EXISTS { MATCH (c:Claim {of: n.id}) WHERE c.source = ${param(value)} }`,
  disputed: (value) => ((value as boolean) ? 'n.disputed IS NOT NULL' : 'n.disputed IS NULL'),
};

const dateRule =
  (expression: string): Rule =>
  (value, param) =>
    dateRangePredicates(expression, value as DateRange, param).join(' AND ') || 'true';

/** Case-insensitive match against part of the name (or title) or of any alias. */
const nameRule =
  (property: 'name' | 'title' | 'topic', aliases: boolean): Rule =>
  (value, param) => {
    const p = param(String(value).toLowerCase());
    const alias = aliases ? ` OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS ${p})` : '';
    return `toLower(n.${property}) CONTAINS ${p}${alias}`;
  };

const equals =
  (property: string): Rule =>
  (value, param) =>
    `n.${property} = ${param(value)}`;

/** The node with this id: found through the id index even inside an OR. */
const idRule: Rule = (value, param) => {
  const id = param(value);
  return { predicate: `n.id = ${id}`, anchor: `(n:Node {id: ${id}})` };
};

/** Nodes linked to the node with the given id by a constant pattern from `(x)` to `(n)`. */
const linkedTo =
  (pattern: string): Rule =>
  (value, param) => {
    const anchored = pattern.replace('(x', `(x:Node {id: ${param(value)}}`);
    return { predicate: `EXISTS { MATCH ${anchored} }`, anchor: anchored };
  };

/** Places in this place or anywhere part of it. */
const WITHIN = `(x)<-[:PART_OF*0..${MAX_PART_OF_DEPTH}]-(:Location)`;

/** A direction for `orderBy`. */
export type OrderDirection = 'ASC' | 'DESC';

/** An `orderBy` argument: a field of the type's order enum and a direction. */
export interface Order<F extends string> {
  field: F;
  direction?: OrderDirection | null;
}

const actorRules: Rules<ActorWhere> = {
  ...supportRules,
  id: idRule,
  name: nameRule('name', true),
  kind: equals('kind'),
  meetingId: linkedTo('(x)<-[:PARTICIPATED_IN]-(n)'),
  metActorId: (value, param) => {
    const id = param(value);
    const pattern = `(:Actor {id: ${id}})-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(n)`;
    return { predicate: `n.id <> ${id} AND EXISTS { MATCH ${pattern} }`, anchor: pattern };
  },
  positionId: linkedTo('(x)<-[:HOLDS]-(n)'),
};

const meetingRules: Rules<MeetingWhere> = {
  ...supportRules,
  id: idRule,
  name: nameRule('name', true),
  locationId: linkedTo(`${WITHIN}<-[:HELD_IN]-(n)`),
  participantId: linkedTo('(x)-[:PARTICIPATED_IN]->(n)'),
  startDate: dateRule('n.startDate'),
};

const locationRules: Rules<LocationWhere> = {
  ...supportRules,
  id: idRule,
  name: nameRule('name', true),
  kind: equals('kind'),
  withinId: linkedTo(`(x)<-[:PART_OF*1..${MAX_PART_OF_DEPTH}]-(n)`),
};

const positionRules: Rules<PositionWhere> = {
  ...supportRules,
  id: idRule,
  name: nameRule('title', false),
  holderId: linkedTo('(x)-[:HOLDS]->(n)'),
  organizationId: linkedTo('(x)<-[:POSITION_OF]-(n)'),
};

const statementRules: Rules<StatementWhere> = {
  ...supportRules,
  id: idRule,
  speakerId: linkedTo('(x)-[:SAID]->(n)'),
  textContains: (value, param) => `toLower(n.text) CONTAINS ${param(String(value).toLowerCase())}`,
  kind: equals('kind'),
  topic: (value, param) => `any(t IN coalesce(n.topics, []) WHERE toLower(t) CONTAINS ${param(String(value).toLowerCase())})`,
  meetingId: linkedTo('(x)<-[:DURING]-(n)'),
  mentionsId: linkedTo('(x)<-[:MENTIONS]-(n)'),
  aboutId: linkedTo('(x)<-[:ABOUT]-(n)'),
  date: dateRule('n.date'),
};

const stanceRules: Rules<StanceWhere> = {
  ...supportRules,
  id: idRule,
  actorId: linkedTo('(x)-[:TAKES_STANCE]->(n)'),
  topic: nameRule('topic', false),
  stance: equals('stance'),
  aboutId: linkedTo('(x)<-[:ABOUT]-(n)'),
};

const eventRules: Rules<EventWhere> = {
  ...supportRules,
  id: idRule,
  name: nameRule('name', false),
  kind: equals('kind'),
  actorId: linkedTo('(x)-[:INVOLVED_IN]->(n)'),
  locationId: linkedTo(`${WITHIN}<-[:OCCURRED_IN]-(n)`),
  date: dateRule('n.date'),
};

const sourceRules: Rules<SourceWhere> = {
  id: idRule,
  title: nameRule('title', false),
  publisher: equals('publisher'),
};

/** Any node, for lists of mixed types (`Statement.about`): by id only. */
export interface NodeWhere extends Combinable<NodeWhere> {
  id?: string | null;
}
const nodeRules: Rules<NodeWhere> = { id: equals('id') };

/** Per listed type: how to compile its `where`, its sort keys by order field, and its default order. */
export const LIST_TYPES = {
  Actor: { rules: actorRules, orders: { NAME: 'name', DEGREE: 'degree', MEETING_COUNT: 'meetingCount' }, defaultOrder: 'NAME' },
  Meeting: { rules: meetingRules, orders: { START_DATE: 'startDate', NAME: 'name', PARTICIPANT_COUNT: 'participantCount' }, defaultOrder: 'START_DATE' },
  Location: { rules: locationRules, orders: { NAME: 'name', DEGREE: 'degree', MEETING_COUNT: 'meetingsHeld' }, defaultOrder: 'NAME' },
  Position: { rules: positionRules, orders: { TITLE: 'title', HOLDER_COUNT: 'holderCount' }, defaultOrder: 'TITLE' },
  Statement: { rules: statementRules, orders: { SOURCE_ORDER: 'textPosition', DATE: 'date' }, defaultOrder: 'SOURCE_ORDER' },
  Stance: { rules: stanceRules, orders: { ID: 'id', TOPIC: 'topic' }, defaultOrder: 'ID' },
  Event: { rules: eventRules, orders: { DATE: 'date', NAME: 'name' }, defaultOrder: 'DATE' },
  Source: { rules: sourceRules, orders: { TITLE: 'title' }, defaultOrder: 'TITLE' },
  Node: { rules: nodeRules, orders: { ID: 'id' }, defaultOrder: 'ID' },
} as const satisfies { [T in ListType]: { rules: Rules<ListTypes[T][0]>; orders: Record<ListTypes[T][1], SortKey>; defaultOrder: ListTypes[T][1] } };

/** The `where` and order-field types of each listed type. */
export interface ListTypes {
  Actor: [ActorWhere, ActorOrderField];
  Meeting: [MeetingWhere, MeetingOrderField];
  Location: [LocationWhere, LocationOrderField];
  Position: [PositionWhere, PositionOrderField];
  Statement: [StatementWhere, StatementOrderField];
  Stance: [StanceWhere, StanceOrderField];
  Event: [EventWhere, EventOrderField];
  Source: [SourceWhere, 'TITLE'];
  Node: [NodeWhere, 'ID'];
}
export type ListType = keyof ListTypes;

/** Compiles the `where` of a listed type; parameter names start with `prefix`. */
export function whereFilter<T extends ListType>(type: T, where: ListTypes[T][0] | null | undefined, prefix = 'w'): Filter {
  return compile(LIST_TYPES[type].rules as unknown as Rules<ListTypes[T][0]>, where, prefix);
}

/** The sort order an `orderBy` stands for (the type's default when not given). */
export function sortSpec<T extends ListType>(type: T, order: Order<ListTypes[T][1]> | null | undefined): { key: SortKey; desc: boolean } {
  const orders = LIST_TYPES[type].orders as Record<string, SortKey>;
  return { key: orders[order?.field ?? LIST_TYPES[type].defaultOrder], desc: order?.direction === 'DESC' };
}
