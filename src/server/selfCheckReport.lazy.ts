// Kiểm tra môi trường, as the menu calls it. A lazy module (build.mjs): not in dist/Code.js, which every
// custom-function call loads, but in dist/lazy_selfCheckReport.html. Running it on a real account therefore
// also proves that lazy modules load there.
export { selfCheckAction } from './selfCheckReport';
