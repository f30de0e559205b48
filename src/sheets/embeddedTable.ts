// The embedded indicator sets are stored as '|'-delimited text in lazy modules (build.mjs) and parsed on
// first use, not at load: every custom-function call loads the bundle, and only set-up needs the rows.

/** A parser of the text `text()` returns (one row per line, fields split on '|'), run once on first call and cached. */
export function embeddedTable<T>(text: () => string, toRow: (fields: string[]) => T): () => T[] {
  let rows: T[] | null = null;
  return () =>
    (rows ??= text()
      .trim()
      .split('\n')
      .map((line) => toRow(line.split('|'))));
}
