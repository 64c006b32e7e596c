/**
 * Row shapes of GraphReader's own statements (./graph-reader.ts): a list page, a page of links per
 * start node, nodes by id and claims by subject. Parsed where the rows come in; the node and
 * relationship properties inside them are parsed by their mappers (src/models/rows.ts).
 */
import { z } from 'zod';
import { IdentifiedProps, LinkRow, NodeRow, PropsList, rowSchema } from '../models/rows';

/** GraphReader.list: one page of nodes and the total count (-1 when not asked for). A listed node's id is its cursor's tie-breaker. */
export const ListPageRow = rowSchema(z.object({ totalCount: z.number(), rows: z.array(NodeRow.extend({ node: IdentifiedProps, sortKey: z.string() })) }));

/** GraphReader.linkPage: per start node, one page of links and the total count. */
export const LinkPageRow = rowSchema(
  z.object({
    fromId: z.string(),
    totalCount: z.number(),
    rows: z.array(LinkRow.extend({ sortKey: z.string(), tieId: z.string() })),
  }),
);

/** GraphReader.node: a node found by its id. */
export const NodeByIdRow = rowSchema(NodeRow.extend({ id: z.string() }));

/** GraphReader.claims: the claims about one subject. */
export const ClaimsRow = rowSchema(z.object({ id: z.string(), claims: PropsList }));
