/**
 * The federation subgraph's resolvers: `__resolveReference` of every entity type (the node types,
 * `@key(fields: "id")` in schema/), and `_entities`, which checks each representation a gateway
 * sends before @apollo/subgraph resolves it. `_service` is @apollo/subgraph's own.
 */
import type { GraphQLResolveInfo } from 'graphql';
// @apollo/subgraph's own `_entities` resolution (pinned to an exact version in package.json): the
// package exports no other way to run it after checking the representations.
import { entitiesResolver } from '@apollo/subgraph/dist/types';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import type { Resolvers } from '../generated/resolvers-types';
import { compiledEntity } from './compile';

/** The entity types: every type that implements `Node` carries `@key(fields: "id")`. */
export const ENTITY_TYPES = ['Actor', 'Event', 'Location', 'Meeting', 'Position', 'Source', 'Stance', 'Statement'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

const isEntityType = (name: unknown): name is EntityType => typeof name === 'string' && (ENTITY_TYPES as readonly string[]).includes(name);

/** How much of a bad value an error message quotes. */
const QUOTED = 60;

/** A representation `{ __typename, id }` as sent, or the coded error saying what is wrong with it. */
export function checkRepresentation(value: unknown, index: number): { __typename: EntityType; id: string } | BadUserInputError {
  const bad = (problem: string) =>
    new BadUserInputError(
      `Representation ${index} of _entities ${problem}; a representation is { __typename, id } with one of the entity types (${ENTITY_TYPES.join(', ')}).`,
      'representations',
    );
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('is not an object');
  const { __typename: typename, id } = value as Record<string, unknown>;
  if (typeof typename !== 'string') return bad('has no __typename');
  if (!isEntityType(typename)) return bad(`names "${typename.slice(0, QUOTED)}", which is not an entity type of this subgraph`);
  // An ID may arrive as an integer, as GraphQL's ID input allows; no node has one, so it finds nothing.
  if (typeof id === 'number' && Number.isInteger(id)) return { __typename: typename, id: String(id) };
  if (typeof id !== 'string') return bad('has no id (a string)');
  return { __typename: typename, id };
}

/** `__resolveReference` of entity type `type`: the node, read with the other representations of its request. */
function resolveReference(type: EntityType) {
  return (reference: { id: string }, ctx: Context, info: GraphQLResolveInfo) => compiledEntity({ type, id: reference.id }, ctx, info);
}

export const federationResolvers: Resolvers = {
  Query: {
    // A bad representation gets a coded error at its own place in the list (`_entities.3`); the
    // others are resolved as @apollo/subgraph resolves them, by their type's __resolveReference.
    _entities: (_: unknown, args: { representations: unknown[] }, ctx: Context, info: GraphQLResolveInfo) =>
      args.representations.map((value, i) => {
        const reference = checkRepresentation(value, i);
        return reference instanceof BadUserInputError ? reference : entitiesResolver({ representations: [reference], context: ctx, info })[0];
      }),
  },
  ...Object.fromEntries(ENTITY_TYPES.map((type) => [type, { __resolveReference: resolveReference(type) }])),
};
