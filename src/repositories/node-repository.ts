/**
 * Any node by id, whatever its type (the `node(id)` query), and what every node and relationship
 * has: its claims, its evidence and its disputed fields, read by its key only when asked for.
 */
import { type Claim, compete, type Competition, orderClaims } from '../facts/claims';
import { z } from 'zod';
import { toEvidence, toFact, toNode } from '../models/mappers';
import type { EvidenceModel, FactModel, NodeModel } from '../models/models';
import { ClaimProps, parseRow, rowSchema, text } from '../models/rows';
import type { GraphReader } from './graph-reader';
import { fromClaimRow, SINGLE_VALUED_LINKS } from './storage';

/** Link fields by name (`location`), from the single-valued links. */
const LINK_FIELDS = new Map(Object.values(SINGLE_VALUED_LINKS).map((l) => [l.field, l]));

/** What a competing link shows of its node: its name, or its title, or else its id. */
const NamedProps = rowSchema(z.object({ id: z.string(), name: text, title: text }));

/** One source's claim as the API shows it. */
export type ClaimModel = Claim & { pinned: boolean };

export class NodeRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<NodeModel | null> {
    const row = await this.graph.node('Node', id);
    return row && toNode(row.node, row.labels);
  }

  /** The evidence of a node (by id) or relationship (by key): every claim's, claim by claim. */
  async evidence(key: string): Promise<EvidenceModel[]> {
    return toEvidence(await this.graph.claims(key));
  }

  /** The claims about a node or relationship, earliest published source first. */
  async claims(key: string): Promise<ClaimModel[]> {
    return (await this.graph.claims(key)).map(fromClaimRow);
  }

  /** The competing values of each disputed field of a fact (none read when nothing is disputed). */
  async disputed(fact: FactModel): Promise<Competition[]> {
    if (!fact.disputed.length) return [];
    const claims = orderClaims(await this.claims(fact.key));
    const pinned = claims.find((c) => c.pinned)?.source ?? null;
    return Promise.all(fact.disputed.map((field) => (LINK_FIELDS.has(field) ? this.linkCompetition(fact.key, field) : compete(claims, field, pinned))));
  }

  /**
   * A single-valued link field's competition (a meeting's places): each linked node's name with
   * the sources of its link, the best supported first, as `location` chooses.
   */
  private async linkCompetition(id: string, field: string): Promise<Competition> {
    const link = LINK_FIELDS.get(field)!;
    const links = await this.graph.linked({ rel: link.type, dir: 'OUT', label: 'Node', order: 'support' }, id);
    const facts = links.map((l) => toFact(l.rel, l.rel.key));
    const sources = await Promise.all(facts.map((f) => this.graph.claims(f.key)));
    return {
      field,
      values: links.map((l, i) => {
        const node = parseRow('findLinked', NamedProps, l.node);
        return {
          value: node.name ?? node.title ?? node.id,
          sources: sources[i].map((c) => parseRow('Claim', ClaimProps, c).source),
          support: facts[i].sourceCount,
          current: i === 0,
        };
      }),
    };
  }
}
