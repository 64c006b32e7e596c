/**
 * The kind of each node type as a client selects it over several types at once (`search` hits,
 * `node` results): named after its type (actorKind, locationKind, statementKind, eventKind), so
 * one selection asks for all of them without aliases; the deprecated `kind` still answers alone.
 */
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

const KINDS = `... on Actor { actorKind } ... on Location { locationKind } ... on Statement { statementKind } ... on Event { eventKind }`;

test("fragments on search hits select every type's kind in one selection, without a conflict", async () => {
  const data = await t.api.data(`{ search(text: "Moscow strikes terror", first: 100) { nodes { node { id ${KINDS} } } } }`);
  const kinds = new Map(data.search.nodes.map((hit: { node: Record<string, string> }) => [hit.node.id, hit.node]));
  expect(kinds.get('location:moscow')).toEqual({ id: 'location:moscow', locationKind: 'CITY' });
  expect(kinds.get('event:russian-strikes-second-day')).toEqual({ id: 'event:russian-strikes-second-day', eventKind: 'STRIKE' });
  expect(kinds.get('statement:sybiha-night-of-russian-terror')).toEqual({ id: 'statement:sybiha-night-of-russian-terror', statementKind: 'QUOTE' });
});

test('fragments on Node results do the same, and a country answers as an actor', async () => {
  const data = await t.api.data(`{
    russia: node(id: "country:russia") { ${KINDS} }
    witkoff: node(id: "actor:steve-witkoff") { ${KINDS} }
    invasion: node(id: "event:full-scale-invasion") { ${KINDS} }
  }`);
  expect(data).toEqual({ russia: { actorKind: 'COUNTRY' }, witkoff: { actorKind: 'PERSON' }, invasion: { eventKind: 'INVASION' } });
});

test('the deprecated kind answers the same value on its own, and two of them in one selection still conflict', async () => {
  const alone = await t.api.data('{ actor(id: "actor:steve-witkoff") { kind actorKind } }');
  expect(alone.actor).toEqual({ kind: 'PERSON', actorKind: 'PERSON' });
  const clash = await t.api.gql('{ node(id: "actor:steve-witkoff") { ... on Actor { kind } ... on Event { kind } } }');
  expect(clash.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(clash.errors?.[0].message).toMatch(/Fields "kind" conflict/);
});
