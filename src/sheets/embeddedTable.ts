// The embedded indicator sets are stored as '|'-delimited text and parsed on first use, not at load. Only
// set-up needs the rows, and set-up is a lazy module (src/server/setUpTab.lazy.ts): the text is in
// dist/lazy_setUpTab.html, not in dist/Code.js, which every custom-function call loads whole. Code.js still
// imports the modules that hold the tables (set-up's column widths use the sample's column list), so each
// top-level `embeddedTable(…)` call is marked `/* @__PURE__ */`: esbuild then drops it, and the text with it,
// from a bundle that never reads the rows (test/build/lazyModules.test.ts checks the text is not in Code.js).

/** A parser of the text `text()` returns (one row per line, fields split on '|'), run once on first call and cached. */
export function embeddedTable<T>(text: () => string, toRow: (fields: string[]) => T): () => T[] {
  let rows: T[] | null = null;
  return () =>
    (rows ??= text()
      .trim()
      .split('\n')
      .map((line) => toRow(line.split('|'))));
}
