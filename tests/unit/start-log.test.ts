/**
 * The lines `npm start` logs once the service is ready: the API's address, and only the pages this
 * configuration serves.
 */
import { loadConfig } from '../../src/config';
import { readyLines } from '../../src/http/start-log';

const BASE = 'http://127.0.0.1:4000';

test('in development the ready lines offer the playground', () => {
  const lines = readyLines(BASE, loadConfig({}).exposure, 12.34);
  expect(lines[0]).toBe('[server] ready in 12.3 s: GraphQL API at http://127.0.0.1:4000/graphql');
  expect(lines[1]).toContain('playground: open http://127.0.0.1:4000/ in a browser');
});

test('in production the ready lines do not advertise the playground, which answers 404 there', () => {
  const text = readyLines(BASE, loadConfig({ NODE_ENV: 'production' }).exposure, 1).join('\n');
  expect(text).not.toContain(`open ${BASE}/ in a browser`);
  expect(text).toContain('playground: off (PLAYGROUND=true turns it on)');
  expect(text).toContain(`${BASE}/healthz`);
});
