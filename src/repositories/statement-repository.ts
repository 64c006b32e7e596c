/** Reads about statements: lookups, the list, speaker, reporter, meeting and what they concern. */
import { toActor, toMeeting, toNode, toStatement } from '../models/mappers';
import type { ActorModel, MeetingModel, NodeModel, StatementModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import type { PageRequest } from './list-filters';

const SPEAKER: LinkSpec = { rel: 'SAID', dir: 'IN', label: 'Actor', order: 'name' };
const REPORTER: LinkSpec = { rel: 'REPORTED', dir: 'IN', label: 'Actor', order: 'name' };
const MEETING: LinkSpec = { rel: 'DURING', dir: 'OUT', label: 'Meeting', order: 'startDate' };
const ABOUT: LinkSpec = { rel: 'ABOUT', dir: 'OUT', label: 'Node', order: 'id' };
const MENTIONS: LinkSpec = { rel: 'MENTIONS', dir: 'OUT', label: 'Actor', order: 'name' };

/** Filters of the `statements` list. */
export interface StatementFilter {
  id?: string | null;
  speakerId?: string | null;
  textContains?: string | null;
  kind?: StatementModel['kind'] | null;
}

export class StatementRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<StatementModel | null> {
    const row = await this.graph.node('Statement', id);
    return row && toStatement(row.node);
  }

  list(filter: StatementFilter, page: PageRequest): Promise<ListPage<StatementModel>> {
    const predicates: string[] = [];
    if (filter.id != null) predicates.push('n.id = $id');
    if (filter.speakerId != null) predicates.push('EXISTS { (:Actor {id: $speakerId})-[:SAID]->(n) }');
    if (filter.textContains != null) predicates.push('toLower(n.text) CONTAINS toLower($textContains)');
    if (filter.kind != null) predicates.push('n.kind = $kind');
    return this.graph.list('listStatements', { label: 'Statement', predicates, params: { ...filter }, order: { key: 'textPosition', desc: false }, ...page }, (r) => toStatement(r.node));
  }

  async speaker(statementId: string): Promise<ActorModel | null> {
    const [row] = await this.graph.linked(SPEAKER, statementId);
    return row ? toActor(row.node, row.labels) : null;
  }

  async reportedBy(statementId: string): Promise<ActorModel | null> {
    const [row] = await this.graph.linked(REPORTER, statementId);
    return row ? toActor(row.node, row.labels) : null;
  }

  async meeting(statementId: string): Promise<MeetingModel | null> {
    const [row] = await this.graph.linked(MEETING, statementId);
    return row ? toMeeting(row.node) : null;
  }

  async about(statementId: string): Promise<NodeModel[]> {
    return (await this.graph.linked(ABOUT, statementId)).flatMap((r) => toNode(r.node, r.labels) ?? []);
  }

  async mentions(statementId: string): Promise<ActorModel[]> {
    return (await this.graph.linked(MENTIONS, statementId)).map((r) => toActor(r.node, r.labels));
  }
}
