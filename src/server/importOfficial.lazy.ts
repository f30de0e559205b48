// Nhập bộ chỉ số chính thức, as the menu and the sidebar call it. A lazy module (build.mjs): the import and
// the official-table reader it uses (~22 KB) are not in dist/Code.js, which every custom-function call loads,
// but in dist/lazy_importOfficial.html, read only when a commune imports its official set.
export { importOfficial } from './importOfficial';
