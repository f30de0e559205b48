// The province workbook's actions (set-up, the province email, the daily run's province part), as the menu,
// the sidebar and the daily trigger call them. A lazy module (build.mjs): the workbook's formulas, heat map,
// report and email are not in dist/Code.js, which every custom-function call loads, but in
// dist/lazy_province.html, read only when one of these runs.
export { provinceTick, sendProvinceEmail } from './provinceMail';
export { setupProvince } from './provinceSetup';
