// The official-table reader as the import needs it. A lazy module (build.mjs): the rule reader and its
// tables (~20 KB) are not in dist/Code.js, which every custom-function call loads, but in
// dist/lazy_officialTable.html, read only when a commune imports its official set.
export { criteriaGrid, importCounts, importTable } from './officialTable';
