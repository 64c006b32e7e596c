/**
 * Every field that follows relationships from a node, as one table: the Cypher pattern, the type
 * its `where` and `orderBy` speak of, and how a row becomes the field's model. The read compiler
 * (./read-plan.ts) builds its statements from these entries, so a link field is declared once.
 *
 * A pattern goes from `(a)`, the node the field is on, to `(n)`, each linked node, through `r`;
 * patterns are constants, never built from input.
 */
import { toActor, toEvent, toFact, toFuzzyDate, toLocation, toMeeting, toNode, toPosition, toStance, toStatement } from '../models/mappers';
import type { NodeModel } from '../models/models';
import type { Label, LinkRow, SortKey } from './graph-reader';
import { MAX_PART_OF_DEPTH, type ListType } from './where';

/** Which end of a row a field of a relationship's model (a Participation, an office held) shows. */
export type End = 'node' | 'parent' | 'subjectEnd' | 'objectEnd';

/** One link field. */
export interface LinkField {
  /** Tags the statement part in logs (`actorMeetings`). */
  name: string;
  pattern: string;
  /** The listed type: its `where` rules and sort keys apply to `n`. */
  type: ListType;
  /** For a field with one value (a meeting's place): the order that picks it. Lists have none. */
  single?: SortKey;
  /** For offices and relations: the prefix of the `asOf`/`during` predicates on `r`. */
  inForce?: 'held' | 'related';
  /**
   * For a list of relationships (a Participation): which end each of its node fields shows. The
   * parent is the node the field is on; `subjectEnd`/`objectEnd` follow the relationship's direction.
   */
  ends?: Record<string, End>;
  /** A plain list with no connection beside it (`Event.actors`; `involvementConnection` pages them). */
  plainOnly?: boolean;
  /** The field's model for one row; `parent` is the model of the node the field is on. */
  map: (row: LinkRow, parent: NodeModel) => unknown;
}

const actor = (r: LinkRow) => toActor(r.node, r.labels);
const location = (r: LinkRow) => toLocation(r.node, r.labels);
const meeting = (r: LinkRow) => toMeeting(r.node);
const statement = (r: LinkRow) => toStatement(r.node);
const event = (r: LinkRow) => toEvent(r.node);
const role = (r: LinkRow) => (typeof r.rel.role === 'string' ? r.rel.role : null);

/** Nodes linked by `rel` to a location or to any place part of it (a country's cities). */
const within = (rel: 'HELD_IN' | 'OCCURRED_IN', label: 'Meeting' | 'Event') => `(a)<-[:PART_OF*0..${MAX_PART_OF_DEPTH}]-(:Location)<-[r:${rel}]-(n:${label})`;

/** Link fields by GraphQL type, then by field name (`meetings` serves `meetingsConnection` too). */
export const LINK_FIELDS: Record<string, Record<string, LinkField>> = {
  Actor: {
    meetings: { name: 'actorMeetings', pattern: '(a)-[r:PARTICIPATED_IN]->(n:Meeting)', type: 'Meeting', map: meeting },
    statements: { name: 'actorStatements', pattern: '(a)-[r:SAID]->(n:Statement)', type: 'Statement', map: statement },
    mentionedIn: { name: 'actorMentionedIn', pattern: '(a)<-[r:MENTIONS]-(n:Statement)', type: 'Statement', map: statement },
    stances: { name: 'actorStances', pattern: '(a)-[r:TAKES_STANCE]->(n:Stance)', type: 'Stance', map: (r) => toStance(r.node) },
    events: { name: 'actorEvents', pattern: '(a)-[r:INVOLVED_IN]->(n:Event)', type: 'Event', map: event },
    positions: {
      name: 'actorPositions',
      pattern: '(a)-[r:HOLDS]->(n:Position)',
      type: 'Position',
      inForce: 'held',
      ends: { position: 'node', actor: 'parent' },
      map: (r, parent) => ({
        actor: parent,
        position: toPosition(r.node),
        since: toFuzzyDate(r.rel, 'since'),
        until: toFuzzyDate(r.rel, 'until'),
        fact: toFact(r.rel, r.rel.key),
      }),
    },
    relations: {
      name: 'actorRelations',
      pattern: '(a)-[r:RELATED_TO]-(n:Actor)',
      type: 'Actor',
      inForce: 'related',
      ends: { other: 'node', subject: 'subjectEnd', object: 'objectEnd' },
      map: (r, parent) => {
        const other = actor(r);
        return {
          type: r.rel.relation as string,
          direction: r.outgoing ? ('OUTGOING' as const) : ('INCOMING' as const),
          subject: r.outgoing ? parent : other,
          object: r.outgoing ? other : parent,
          since: toFuzzyDate(r.rel, 'since'),
          until: toFuzzyDate(r.rel, 'until'),
          fact: toFact(r.rel, r.rel.key),
        };
      },
    },
  },
  Meeting: {
    location: { name: 'meetingLocation', pattern: '(a)-[r:HELD_IN]->(n:Location)', type: 'Location', single: 'support', map: location },
    participants: {
      name: 'meetingParticipants',
      pattern: '(a)<-[r:PARTICIPATED_IN]-(n:Actor)',
      type: 'Actor',
      ends: { actor: 'node', meeting: 'parent' },
      map: (r, parent) => ({ actor: actor(r), meeting: parent, role: role(r), fact: toFact(r.rel, r.rel.key) }),
    },
    statements: { name: 'meetingStatements', pattern: '(a)<-[r:DURING]-(n:Statement)', type: 'Statement', map: statement },
    events: { name: 'meetingEvents', pattern: '(a)<-[r:DURING]-(n:Event)', type: 'Event', map: event },
    precededBy: { name: 'meetingPrecededBy', pattern: '(a)<-[r:PRECEDED]-(n:Meeting)', type: 'Meeting', map: meeting },
    followedBy: { name: 'meetingFollowedBy', pattern: '(a)-[r:PRECEDED]->(n:Meeting)', type: 'Meeting', map: meeting },
  },
  Location: {
    partOf: { name: 'locationPartOf', pattern: '(a)-[r:PART_OF]->(n:Location)', type: 'Location', single: 'name', map: location },
    parts: { name: 'locationParts', pattern: '(a)<-[r:PART_OF]-(n:Location)', type: 'Location', map: location },
    meetings: { name: 'locationMeetings', pattern: within('HELD_IN', 'Meeting'), type: 'Meeting', map: meeting },
    events: { name: 'locationEvents', pattern: within('OCCURRED_IN', 'Event'), type: 'Event', map: event },
  },
  Position: {
    organization: { name: 'positionOrganization', pattern: '(a)-[r:POSITION_OF]->(n:Actor)', type: 'Actor', single: 'name', map: actor },
    holders: {
      name: 'positionHolders',
      pattern: '(a)<-[r:HOLDS]-(n:Actor)',
      type: 'Actor',
      inForce: 'held',
      ends: { actor: 'node', position: 'parent' },
      map: (r, parent) => ({
        actor: actor(r),
        position: parent,
        since: toFuzzyDate(r.rel, 'since'),
        until: toFuzzyDate(r.rel, 'until'),
        fact: toFact(r.rel, r.rel.key),
      }),
    },
  },
  Statement: {
    speaker: { name: 'statementSpeaker', pattern: '(a)<-[r:SAID]-(n:Actor)', type: 'Actor', single: 'name', map: actor },
    reportedBy: { name: 'statementReporter', pattern: '(a)<-[r:REPORTED]-(n:Actor)', type: 'Actor', single: 'name', map: actor },
    meeting: { name: 'statementMeeting', pattern: '(a)-[r:DURING]->(n:Meeting)', type: 'Meeting', single: 'startDate', map: meeting },
    about: { name: 'statementAbout', pattern: '(a)-[r:ABOUT]->(n:Node)', type: 'Node', map: (r) => toNode(r.node, r.labels) },
    mentions: { name: 'statementMentions', pattern: '(a)-[r:MENTIONS]->(n:Actor)', type: 'Actor', map: actor },
  },
  Stance: {
    actor: { name: 'stanceActor', pattern: '(a)<-[r:TAKES_STANCE]-(n:Actor)', type: 'Actor', single: 'name', map: actor },
    about: { name: 'stanceAbout', pattern: '(a)-[r:ABOUT]->(n:Node)', type: 'Node', map: (r) => toNode(r.node, r.labels) },
  },
  Event: {
    location: { name: 'eventLocation', pattern: '(a)-[r:OCCURRED_IN]->(n:Location)', type: 'Location', single: 'name', map: location },
    meeting: { name: 'eventMeeting', pattern: '(a)-[r:DURING]->(n:Meeting)', type: 'Meeting', single: 'startDate', map: meeting },
    actors: { name: 'eventActors', pattern: '(a)<-[r:INVOLVED_IN]-(n:Actor)', type: 'Actor', plainOnly: true, map: actor },
    involvement: {
      name: 'eventInvolvement',
      pattern: '(a)<-[r:INVOLVED_IN]-(n:Actor)',
      type: 'Actor',
      ends: { actor: 'node' },
      map: (r) => ({ actor: actor(r), role: role(r), fact: toFact(r.rel, r.rel.key) }),
    },
  },
  Source: {
    credits: {
      name: 'sourceCredits',
      pattern: '(a)-[r:CREDITS]->(n:Actor)',
      type: 'Actor',
      ends: { actor: 'node' },
      map: (r) => ({ actor: actor(r), role: role(r), fact: toFact(r.rel, r.rel.key) }),
    },
  },
};

/** The link field `field` of GraphQL type `type` (`meetingsConnection` finds `meetings`), if any. */
export function linkField(type: string, field: string): LinkField | undefined {
  const fields = LINK_FIELDS[type];
  return fields && (fields[field] ?? (field.endsWith('Connection') ? fields[field.slice(0, -'Connection'.length)] : undefined));
}

/** Labels of the node types a root field can look up or list. */
export const ROOT_LABELS: Record<string, Label> = {
  Actor: 'Actor',
  Meeting: 'Meeting',
  Location: 'Location',
  Position: 'Position',
  Statement: 'Statement',
  Stance: 'Stance',
  Event: 'Event',
  Source: 'Source',
  Node: 'Node',
};
