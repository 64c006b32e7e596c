/**
 * /healthz as an orchestrator's liveness probe sees it: 200 while the service can serve or recover
 * by itself, 503 with a coded body once it has given up on its database (no database needed: the
 * health endpoint never touches it).
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDatabase } from '../../src/db/driver';
import { createServer } from '../../src/server';

test('/healthz answers 200 while alive and 503 DATABASE_NOT_RECOVERED, naming no internals, once liveness fails', async () => {
  let failing: string | null = null;
  const db = createDatabase({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: '' });
  const server = await createServer({ db, readiness: async () => null, liveness: () => failing, log: () => undefined });
  const http = createHttpServer((req, res) => void server.handle(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/healthz`;
  try {
    const alive = await fetch(url);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: 'ok' });
    failing = 'the local Neo4j has been down for 121 s: restart attempt 3 failed. Data: /tmp/neo4j-data';
    const dead = await fetch(url);
    expect(dead.status).toBe(503);
    expect(await dead.json()).toEqual({
      status: 'failing',
      code: 'DATABASE_NOT_RECOVERED',
      reason: 'the local database could not be brought back within NEO4J_RECOVERY_TIMEOUT_MS',
    });
  } finally {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await server.stop();
    await db.driver.close();
  }
});
