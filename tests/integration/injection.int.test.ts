/**
 * Injection payloads (Cypher, Lucene, regex, quoting, unicode, null bytes, very long text) sent
 * through every String and ID argument of every Query field, input-object fields included, found
 * by introspecting the schema over HTTP rather than listed by hand. Every answer must be data or a
 * coded error, never a 5xx, and the graph must be exactly as it was. Every payload goes through
 * every position under RELIABILITY=full; in npm test, through a share of each list filter's
 * positions (injectionRequests).
 */
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { graphState } from '../helpers/graph-state';
import { PAYLOADS, injectionRequests, targets } from '../helpers/injection';
import { FULL } from '../helpers/load';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

test('every String and ID argument of every Query field takes every payload without a 5xx, a crash or a change to the graph', async () => {
  const introspection = await t.api.data<IntrospectionQuery>(getIntrospectionQuery());
  const schema = buildClientSchema(introspection);
  const all = targets(schema, 'query');
  // A sanity check on the discovery itself: the schema has dozens of such positions.
  expect(all.length).toBeGreaterThan(50);
  expect(all.map((a) => a.field)).toEqual(expect.arrayContaining(['search', 'actor', 'actors', 'node', 'path', 'neighbourhood']));

  const before = await graphState(t.db);
  const codes = new Map<string, number>();
  const problems: string[] = [];
  const requests = injectionRequests(all, FULL);
  let sent = 0;
  // Eight at a time: enough to finish quickly, few enough not to measure the machine instead.
  const worker = async () => {
    for (let next = requests.pop(); next; next = requests.pop()) {
      const { target, payload } = next;
      const response = await t.api.gql(target.query, target.variables(payload));
      sent++;
      const label = `${target.field}(${target.path.join('.')}) <- ${JSON.stringify(payload.slice(0, 40))}`;
      if (response.status >= 500) problems.push(`${label}: HTTP ${response.status}`);
      if (!response.errors && response.data === undefined) problems.push(`${label}: neither data nor errors`);
      for (const error of response.errors ?? []) {
        const code = String(error.extensions?.code ?? 'NO_CODE');
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code === 'NO_CODE' || code === 'INTERNAL_SERVER_ERROR') problems.push(`${label}: ${code} ${error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  console.log(
    `[injection] ${all.length} argument positions, ${PAYLOADS.length} payloads: ${sent} requests (${FULL ? 'full' : 'short'}); errors by code: ${JSON.stringify(Object.fromEntries(codes))}`,
  );
  expect(problems).toEqual([]);
  expect(await graphState(t.db)).toEqual(before);
}, 300_000);
