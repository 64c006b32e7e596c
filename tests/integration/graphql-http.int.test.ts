/**
 * The GraphQL-over-HTTP audits of `graphql-http` against the running service. MUST audits fail
 * as `error`, SHOULD as `warn` and MAY as `notice`; the test prints every audit that did not pass,
 * with its reason, and fails on any MUST audit. The ones that do not pass are choices: Apollo
 * answers parse and validation failures with 400 rather than 200, and CSRF prevention refuses
 * GET operations that lack a preflight-forcing header.
 */
import { auditServer } from 'graphql-http';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

test('the service passes every GraphQL-over-HTTP MUST audit', async () => {
  const results = await auditServer({ url: `${t.api.url}/graphql` });
  const failed = results.filter((r) => r.status !== 'ok');
  console.log(
    `[graphql-http] ${results.length} audits, ${results.length - failed.length} passed; not passed:\n` +
      failed.map((r) => `  ${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}`).join('\n'),
  );
  expect(failed.filter((r) => r.status === 'error').map((r) => r.name)).toEqual([]);
});
