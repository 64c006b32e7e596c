import { lineLogger, loggerOver } from '../../src/observability/logger';
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

test('operation names become metric labels only while plain and few', () => {
  const metrics = new Metrics();
  expect(metrics.operationLabel(null)).toBe('anonymous');
  expect(metrics.operationLabel('ReadActors')).toBe('ReadActors');
  expect(metrics.operationLabel('bad"name')).toBe('other');
  for (let i = 0; i < 300; i += 1) metrics.operationLabel(`Op${i}`);
  expect(metrics.operationLabel('Op250')).toBe('other');
  expect(metrics.operationLabel('ReadActors')).toBe('ReadActors');
});
