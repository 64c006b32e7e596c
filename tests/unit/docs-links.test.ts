/**
 * The README and docs/ link into each other and name files of the repository; a moved heading or
 * a renamed file must fail here, not confuse a reader. The check is tools/check-doc-links.mjs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

test('every relative link, #anchor and quoted repository path in README.md and docs/*.md resolves', () => {
  const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'tools', 'check-doc-links.mjs')], { encoding: 'utf8' });
  expect({ status: run.status, problems: run.stdout.split('\n').filter((line) => line && !line.includes(' checked; ')) }).toEqual({ status: 0, problems: [] });
});
