// The report tab, the history snapshot and the monthly emails' data, as the menu, the sidebar and the daily
// run call them. A lazy module (build.mjs): the report and history writers are not in dist/Code.js, which
// every custom-function call loads, but in dist/lazy_reporting.html, read only when one of these runs.
export {
  generateReport,
  loadDocument,
  monthlyEmailsOf,
  previewEmails,
  snapshotLocked,
  snapshotNow,
} from './reporting';
