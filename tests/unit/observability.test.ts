import { cutForLog, lineLogger, loggerOver } from '../../src/observability/logger';
import { Metrics } from '../../src/observability/metrics';
import { requestIdFrom } from '../../src/observability/request-id';

test('an incoming request id is kept when short and plain, replaced otherwise', () => {
  expect(requestIdFrom('abc-123.x:y_z')).toBe('abc-123.x:y_z');
  for (const odd of [undefined, '', 'x'.repeat(129), 'a b', 'a\nb', ['a', 'b']]) expect(requestIdFrom(odd)).toMatch(/^[0-9a-f-]{36}$/);
});

test('log(line) callers write JSON records; a leading [tag] becomes the component', () => {
  const lines: string[] = [];
  const log = lineLogger(loggerOver((line) => lines.push(line)));
  log('[neo4j] using the Neo4j at bolt://x');
  log('no tag here');
  expect(lines.map((l) => JSON.parse(l))).toEqual([
    expect.objectContaining({ level: 30, component: 'neo4j', msg: 'using the Neo4j at bolt://x' }),
    expect.objectContaining({ level: 30, msg: 'no tag here' }),
  ]);
});

test('log(line) callers can log at error level', () => {
  const lines: string[] = [];
  lineLogger(
    loggerOver((line) => lines.push(line)),
    'error',
  )('[export] internal error: boom');
  expect(JSON.parse(lines[0])).toMatchObject({ level: 50, component: 'export', msg: 'internal error: boom' });
});

test('only the operations this service ships become metric labels; any other name is `other`', () => {
  const metrics = new Metrics();
  expect(metrics.operationLabel(null)).toBe('anonymous');
  // A playground example, a dashboard operation and GraphiQL's introspection query.
  for (const shipped of ['UaeTalks', 'DashboardStats', 'DashboardNeighbourhood', 'IntrospectionQuery']) expect(metrics.operationLabel(shipped)).toBe(shipped);
  expect(metrics.operationLabel('bad"name')).toBe('other');
  for (let i = 0; i < 300; i += 1) expect(metrics.operationLabel(`Op${i}`)).toBe('other');
  // However many names clients invent, the shipped ones keep their labels.
  expect(metrics.operationLabel('UaeTalks')).toBe('UaeTalks');
  expect(metrics.operationLabel('x'.repeat(900_000))).toBe('other');
});

test('client-chosen names are cut for the log, with a marker saying how much was left out', () => {
  expect(cutForLog('ReadActors')).toBe('ReadActors');
  expect(cutForLog('x'.repeat(100))).toBe('x'.repeat(100));
  expect(cutForLog('x'.repeat(900_000))).toBe(`${'x'.repeat(100)}…[cut: 899900 more characters]`);
  // A surrogate pair straddling the cut is kept whole or left out, never split.
  const cut = cutForLog(`${'x'.repeat(99)}😀${'y'.repeat(10)}`);
  expect(cut).toBe(`${'x'.repeat(99)}…[cut: 12 more characters]`);
});
