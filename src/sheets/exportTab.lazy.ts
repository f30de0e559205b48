// The export tab's writer (exportTab.ts) as a lazy module (README "Bundle"): out of dist/Code.js, which every
// custom-function call loads, because only set-up writes the export tab (and, rarely, an older layout's
// upgrade); custom functions, onEdit and recompute never need it.
export { exportGrid, writeExportTab } from './exportTab';
