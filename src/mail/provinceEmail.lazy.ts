// The province email's body. A lazy module (build.mjs): not in dist/Code.js, which every custom-function
// call loads, but in dist/lazy_provinceEmail.html, read only when the province email is composed.
export { renderProvinceEmail } from './provinceEmail';
