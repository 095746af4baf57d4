/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  /** Rows matching the query across all pages. */
  total: number;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}
