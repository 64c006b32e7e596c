/**
 * Row shapes: one zod schema per shape of stored data that reaches the models, parsed instead of
 * cast, so a wrong assumption about what the database holds fails where the row comes in, with
 * the shape and the field named, and not later as a wrong answer.
 *
 * Rows may be partial. A statement may project only the properties a query selected (always
 * `id`), and a map projection gives null for a property a node lacks, so every property but `id`
 * may be absent (null or missing) and then reads as its model's default: null, [], 0 or false, as
 * the mappers always gave. A present value of the wrong type is refused with a RowShapeError:
 * that is a bug in a statement or in stored data, never a user's mistake, so a client sees an
 * internal error and the log has the message.
 */
import { z } from 'zod';
import type { ActorModel, FuzzyDateModel, LocationModel, StatementModel } from './models';

/** Stored properties of a node or relationship, as returned by a map projection and already plain. */
export type Props = Record<string, unknown>;

/** What is wrong with one field of a row. */
export interface RowProblem {
  /** A path into the row: `kind`, `aliases[1]`, `rows[0].labels`. */
  field: string;
  message: string;
}

/**
 * A row that does not have the shape its statement promises; names the shape and each bad field.
 * A bug in a statement or in stored data, so it is no GraphQLError: clients see an internal error.
 */
export class RowShapeError extends Error {
  /** The offending fields, as paths into the row. */
  readonly fields: string[];

  constructor(
    readonly shape: string,
    problems: RowProblem[],
    row: unknown,
  ) {
    super(`${shape} row${identify(row)} does not have its expected shape: ${problems.map((p) => `field "${p.field}": ${p.message}`).join('; ')}`);
    this.name = 'RowShapeError';
    this.fields = problems.map((p) => p.field);
  }
}

/** How parseRow names what it refuses. */
export interface RowNaming {
  /** The stored name of a schema field, where they differ. */
  rename?: (field: string) => string;
  /** The stored row that `row` was taken from, for its id or key (default: `row`). */
  from?: unknown;
}

/** Parses `row` as `shape`, the name a RowShapeError gives it. */
export function parseRow<S extends z.ZodType>(shape: string, schema: S, row: unknown, naming: RowNaming = {}): z.output<S> {
  const result = schema.safeParse(row);
  if (!result.success) {
    const rename = naming.rename ?? ((field: string) => field);
    const problems = result.error.issues.map((issue) => ({ field: fieldPath(issue.path, rename), message: issue.message }));
    throw new RowShapeError(shape, problems, naming.from ?? row);
  }
  return result.data;
}

function fieldPath(path: readonly PropertyKey[], rename: (field: string) => string): string {
  if (path.length === 0) return '(the row itself)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${rename(String(part))}`)).join('');
}

/** ` (id "actor:x")` when the row says which node, relationship or claim it is, so the log points at it. */
function identify(row: unknown): string {
  if (!isMap(row)) return '';
  if (typeof row.id === 'string') return ` (id "${row.id}")`;
  if (typeof row.key === 'string') return ` (key "${row.key}")`;
  if (typeof row.of === 'string') return ` (of "${row.of}")`;
  return '';
}

function isMap(value: unknown): value is Props {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Compiles a row schema (zod's ahead-of-time compiled fast path: a row of the right shape costs a
 * few checks; a wrong one falls back to the full parser for its errors). Refuses, at load, a
 * schema that cannot be compiled, so no row shape silently takes the slow path.
 */
export function rowSchema<S extends z.ZodType>(schema: S): S {
  return z.compile(schema, { strict: true });
}

/** A zod enum of exactly the values of a model's union type: tsc fails when the two drift apart. */
function oneOf<T extends string>(values: { [K in T]: K }) {
  return z.enum(values);
}

/**
 * A field its model requires (a name, a kind) that a partial row leaves out when the query did
 * not select it. Absent, it reads as null, as a full row's missing property always did; no resolver
 * reads it then, because only an unselected field is left out, so the model keeps its type.
 */
export function required<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((value) => (value ?? null) as z.output<S>);
}

/** An optional text: null when absent. */
export const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
/** A list of texts: [] when absent. */
export const texts = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);
/** A count: 0 when absent. */
export const count = z
  .number()
  .nullish()
  .transform((value) => value ?? 0);
/** A flag: false when absent. */
export const flag = z
  .boolean()
  .nullish()
  .transform((value) => value === true);

/** A stored map (a node's or relationship's properties), checked only for being a map. */
export const props = z.custom<Props>(isMap, { message: 'expected a map of properties' });

/** A node's properties, checked only for being a map with a string `id` (lists need the id for cursors). */
export const IdentifiedProps = z.custom<Props & { id: string }>((value) => isMap(value) && typeof value.id === 'string', {
  message: 'expected a map of properties with a string id',
});

/** A node's id: never absent, since every statement reads it (cursors, ids and facts hang on it). */
const id = z.string();

/** How a node or relationship stands among its sources (FactModel, less the key). */
const fact = { sourceCount: count, disputed: texts };

export const ActorProps = rowSchema(
  z.object({
    id,
    ...fact,
    name: required(z.string()),
    kind: required(oneOf<ActorModel['kind']>({ PERSON: 'PERSON', COUNTRY: 'COUNTRY', ORGANIZATION: 'ORGANIZATION', GROUP: 'GROUP' })),
    aliases: texts,
    description: text,
  }),
);

export const LocationProps = rowSchema(
  z.object({
    id,
    ...fact,
    name: required(z.string()),
    kind: required(oneOf<LocationModel['kind']>({ CITY: 'CITY', REGION: 'REGION', COUNTRY: 'COUNTRY', VENUE: 'VENUE', AREA: 'AREA' })),
    aliases: texts,
    description: text,
  }),
);

/** A meeting's own properties; its dates are FuzzyDateFields under `startDate` and `endDate`. */
export const MeetingProps = rowSchema(z.object({ id, ...fact, name: required(z.string()), aliases: texts, description: text, outcome: text }));

export const PositionProps = rowSchema(z.object({ id, ...fact, title: required(z.string()), description: text }));

/** A statement's own properties; its date is FuzzyDateFields under `date`. */
export const StatementProps = rowSchema(
  z.object({
    id,
    ...fact,
    text: required(z.string()),
    kind: required(oneOf<StatementModel['kind']>({ QUOTE: 'QUOTE', REPORTED: 'REPORTED' })),
    topics: texts,
  }),
);

export const StanceProps = rowSchema(z.object({ id, ...fact, topic: required(z.string()), stance: required(z.string()), summary: required(z.string()) }));

/** An event's own properties; its date is FuzzyDateFields under `date`. */
export const EventProps = rowSchema(z.object({ id, ...fact, name: required(z.string()), kind: text, description: text }));

/** A source's own properties; its date is FuzzyDateFields under `publishedDate`. */
export const SourceProps = rowSchema(
  z.object({ id, ...fact, title: required(z.string()), publisher: required(z.string()), url: text, text: required(z.string()), sentences: texts }),
);

/** A relationship's properties; its dates are FuzzyDateFields under `since` and `until`. */
export const RelProps = rowSchema(z.object({ key: required(z.string()), ...fact, role: text, relation: text }));

/** What toFact reads: the key it is given and the counts stored beside it. */
export const FactRow = rowSchema(z.object({ key: required(z.string()), ...fact }));

/**
 * A fuzzy date as stored, flattened under a name: `<name>`, `<name>Precision`, `<name>Inferred`,
 * `<name>Expression` (read here as `value`, `precision`, `inferred`, `expression`).
 */
export const FuzzyDateFields = rowSchema(
  z.object({
    value: text,
    precision: required(oneOf<FuzzyDateModel['precision']>({ YEAR: 'YEAR', MONTH: 'MONTH', DAY: 'DAY' })),
    inferred: flag,
    expression: text,
  }),
);

/** What the mappers read of a stored claim: its source and JSON body (see src/repositories/storage.ts). */
export const ClaimProps = rowSchema(z.object({ source: required(z.string()), body: text }));

/** The evidence in a claim's JSON `body`: `[sentence, excerpt, start, end]` each; none when absent. */
export const ClaimEvidenceBody = rowSchema(
  z.object({
    evidence: z
      .array(z.tuple([z.number(), z.string(), z.number(), z.number()]))
      .nullish()
      .transform((value) => value ?? []),
  }),
);

/** A node as the reads return it: its properties (parsed by its type's mapper) and its labels. */
export const NodeRow = rowSchema(z.object({ node: props, labels: texts }));
export type NodeRow = z.output<typeof NodeRow>;

/** A relationship with its type and the ids of its end nodes. */
export const RelRow = rowSchema(z.object({ type: z.string(), from: z.string(), to: z.string(), props }));
export type RelRow = z.output<typeof RelRow>;

/** A linked node, the relationship that links it, and whether that points away from the start. */
export const LinkRow = rowSchema(z.object({ node: props, labels: texts, rel: props, outgoing: z.boolean() }));

/** Map projections, checked only for being maps (their mappers parse them). */
export const PropsList = rowSchema(z.array(props));
