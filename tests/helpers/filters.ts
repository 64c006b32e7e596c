/** The filters of an attack, as `where` values to send in variables. */

/** A `where` of `NOT`s nested `levels` deep around a name filter. */
export function deepNot(levels: number): Record<string, unknown> {
  let where: Record<string, unknown> = { name: 'a' };
  for (let i = 0; i < levels; i++) where = { NOT: where };
  return where;
}
/** A `where` that ORs `branches` name filters. */
export function wideOr(branches: number): Record<string, unknown> {
  return { OR: Array.from({ length: branches }, (_, i) => ({ name: `n${i}` })) };
}
