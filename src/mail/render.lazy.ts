// The monthly emails' bodies as the send and the preview need them. A lazy module (build.mjs): the email
// templates are not in dist/Code.js, which every custom-function call loads, but in dist/lazy_render.html,
// read only when an email is composed.
export { composeMonthlyEmails } from './render';
