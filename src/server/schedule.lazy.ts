// The daily trigger's run and the monthly send, as the trigger, the menu and the sidebar call them. A lazy
// module (build.mjs): the send, its records and the province send are not in dist/Code.js, which every
// custom-function call loads, but in dist/lazy_schedule.html, read once a day or when someone sends.
export { dailyTick, sendMonthly } from './schedule';
