// "Thiết lập bảng tiêu chí mẫu" (the sample and Bộ chỉ số 766) and "Gắn vào trang", as the menu and the sidebar
// call them. A lazy module (build.mjs): the embedded sets' rows, the template writer, the solution columns and
// the export tab's first write are not in dist/Code.js, which every custom-function call loads, but in
// dist/lazy_setUpTab.html, read only when one of these actions runs. Recompute's own repair (a tab that lost
// its output columns) keeps using sheets/setup.ts from Code.js: it never needs this file. The export tab's
// writer is also what a background run calls, rarely, to upgrade an older export (exportUpgrade.ts).
export { attachSheet, lacksSolutionColumns, setupSample } from './setUpTab';
export { exportGrid, writeExportTab } from '../sheets/exportTab';
