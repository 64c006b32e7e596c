/**
 * The injection payloads of injection.int.test.ts through every String and ID argument of every
 * mutation, sent by an editor, on a seeded graph of its own (every payload at every position under
 * RELIABILITY=full; in npm test, a share of the larger inputs' positions, see injectionRequests).
 * A mutation may legitimately add a fact (a payload can be a valid text), so the check is that
 * nothing already in the graph changed: every node and relationship that was there is still there
 * with the same properties, and every answer is data or a coded error.
 */
import { SignJWT } from 'jose';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createAuthenticator } from '../../src/auth/authenticator';
import { type Database, read } from '../../src/db/driver';
import { seedFiles } from '../../src/ingest/seed';
import { PAYLOADS, injectionRequests, targets } from '../helpers/injection';
import { FULL } from '../helpers/load';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const SECRET = 'injection-test-secret-0123456789abcdef';
const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), {
  auth: createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' }),
});

/**
 * Every node (but the bookkeeping ones) and relationship, keyed, with its content. A source's
 * list of the nodes it touched grows when a curator adds a fact to it, so that list is left out.
 */
async function contents(db: Database): Promise<Map<string, string>> {
  const rows = await read(
    db,
    `CALL () {
       MATCH (n:Node) RETURN 'node ' + n.id AS key, [labels(n), properties(n)] AS value
       UNION ALL
       MATCH (a:Node)-[r]->(b:Node) RETURN type(r) + ' ' + a.id + ' ' + b.id + ' ' + coalesce(r.key, '') AS key, properties(r) AS value
     }
     RETURN key, value`,
  );
  return new Map(
    rows.map((row) => {
      const value = row.value as unknown;
      if (Array.isArray(value)) delete (value[1] as Record<string, unknown>).evidenceNodeIds;
      return [row.key as string, JSON.stringify(value)];
    }),
  );
}

test('every String and ID argument of every mutation takes every payload from an editor without a 5xx or a change to what was there', async () => {
  const token = await new SignJWT({ role: 'editor' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('mallory')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));
  const headers = { authorization: `Bearer ${token}` };
  const schema = buildClientSchema(await t.api.data<IntrospectionQuery>(getIntrospectionQuery()));
  const all = targets(schema, 'mutation');
  expect(all.map((a) => a.field)).toEqual(expect.arrayContaining(['ingestSource', 'addStatement', 'addMeeting', 'linkActors', 'retractFact']));

  const before = await contents(t.db);
  const codes = new Map<string, number>();
  const problems: string[] = [];
  let acknowledged = 0;
  const requests = injectionRequests(all, FULL);
  const sent = requests.length;
  const worker = async () => {
    for (let next = requests.pop(); next; next = requests.pop()) {
      const { target, payload } = next;
      const response = await t.api.gql(target.query, target.variables(payload), headers);
      const label = `${target.field}(${target.path.join('.')}) <- ${JSON.stringify(payload.slice(0, 40))}`;
      if (response.status >= 500) problems.push(`${label}: HTTP ${response.status}`);
      if (!response.errors && response.data === undefined) problems.push(`${label}: neither data nor errors`);
      const result = response.data?.[target.field];
      for (const error of [
        ...(response.errors ?? []),
        ...((result?.userErrors as { code: string }[] | undefined) ?? []).map((e) => ({ message: '', extensions: { code: e.code } })),
      ]) {
        const code = String(error.extensions?.code ?? 'NO_CODE');
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code === 'NO_CODE' || code === 'INTERNAL_SERVER_ERROR') problems.push(`${label}: ${code} ${error.message}`);
      }
      if (result && !response.errors && (result.userErrors?.length ?? 0) === 0) acknowledged++;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  console.log(
    `[injection] ${all.length} mutation argument positions, ${PAYLOADS.length} payloads: ${sent} requests (${FULL ? 'full' : 'short'}); ${acknowledged} wrote; errors by code: ${JSON.stringify(Object.fromEntries(codes))}`,
  );
  expect(problems).toEqual([]);
  const after = await contents(t.db);
  const changed = [...before].filter(([key, value]) => after.get(key) !== value).map(([key]) => key);
  expect(changed).toEqual([]);
}, 300_000);
