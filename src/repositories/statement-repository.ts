/** Reads about statements: lookups, the list, speaker, reporter, meeting and what they concern. */
import { toActor, toMeeting, toNode, toStatement } from '../models/mappers';
import type { ActorModel, MeetingModel, NodeModel, StatementModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage, PageRequest } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';

const SPEAKER: LinkSpec = { rel: 'SAID', dir: 'IN', label: 'Actor', order: 'name' };
const REPORTER: LinkSpec = { rel: 'REPORTED', dir: 'IN', label: 'Actor', order: 'name' };
const MEETING: LinkSpec = { rel: 'DURING', dir: 'OUT', label: 'Meeting', order: 'startDate' };

export class StatementRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<StatementModel | null> {
    const row = await this.graph.node('Statement', id);
    return row && toStatement(row.node);
  }

  list(args: ListArgs<'Statement'>): Promise<ListPage<StatementModel>> {
    return listNodes(this.graph, 'listStatements', 'Statement', args, (r) => toStatement(r.node));
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

  /** The nodes the statement is about, by id. */
  about(statementId: string, args: { page: PageRequest; count: boolean }): Promise<ListPage<NodeModel>> {
    return listLinks(this.graph, 'statementAbout', '(a)-[r:ABOUT]->(n:Node)', 'Node', statementId, args, (r) => toNode(r.node, r.labels)!);
  }

  mentions(statementId: string, args: ListArgs<'Actor'>): Promise<ListPage<ActorModel>> {
    return listLinks(this.graph, 'statementMentions', '(a)-[r:MENTIONS]->(n:Actor)', 'Actor', statementId, args, (r) => toActor(r.node, r.labels));
  }
}
