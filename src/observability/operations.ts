/**
 * The names of the operations this service ships: the playground's examples, the dashboard's
 * operations (src/dashboard/operations/*.graphql) and GraphiQL's introspection query. Only these
 * become metric labels, so clients cannot invent label values (or use up a cap on them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { PROJECT_ROOT } from '../paths';
import { EXAMPLES } from '../playground/examples';

const DASHBOARD_OPERATIONS = join(PROJECT_ROOT, 'src', 'dashboard', 'operations');

let shipped: ReadonlySet<string> | undefined;

/** The shipped operation names, collected once per process. */
export function shippedOperationNames(): ReadonlySet<string> {
  if (shipped) return shipped;
  const documents = [...EXAMPLES.map((e) => e.query), ...dashboardDocuments()];
  const names = new Set<string>(['IntrospectionQuery']);
  for (const text of documents) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  shipped = names;
  return names;
}

function dashboardDocuments(): string[] {
  return readdirSync(DASHBOARD_OPERATIONS)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(DASHBOARD_OPERATIONS, f), 'utf8'));
}
