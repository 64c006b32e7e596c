/**
 * Page sizes of the API's lists, in one place: the resolvers check `first` against them, and the
 * request limits (src/limits) count a list's items with them.
 */

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `first` a client may ask for. */
export const MAX_PAGE_SIZE = 100;
/** How many items a plain (non-connection) list field returns at most. */
export const PLAIN_LIST_LIMIT = 100;
