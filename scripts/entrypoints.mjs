// Reads the entry points of src/index.ts: for each exported name, its JSDoc block and real parameter names,
// so build.mjs can write the top-level Apps Script wrappers. Kept apart from build.mjs so tests can call it.

export class BuildError extends Error {}

/** Index of `export function NAME(` in the source, or -1. */
export function entryPosition(source, name) {
  return source.search(new RegExp(`export\\s+function\\s+${name}\\s*\\(`));
}

/** Splits a parameter list at top-level commas (types may hold commas inside <>, (), {}, []). */
export function splitParams(list) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if ('<({['.includes(ch)) depth++;
    // The ">" of an arrow type "=>" closes nothing.
    if (')}]'.includes(ch) || (ch === '>' && list[i - 1] !== '=')) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Finds `/** … *\/ export function NAME(params)` in src/index.ts and returns its JSDoc and parameter names. */
export function describeEntry(source, name) {
  const at = entryPosition(source, name);
  if (at < 0) {
    throw new BuildError(
      `${name}: exported from src/index.ts but not declared there as \`export function ${name}(…)\`; ` +
        'Apps Script can only call top-level function declarations.',
    );
  }
  const before = source.slice(0, at).trimEnd();
  const jsdocMatch = before.match(/\/\*\*(?:(?!\*\/)[\s\S])*\*\/$/);
  if (!jsdocMatch)
    throw new BuildError(`${name}: needs a JSDoc block (/** … */) right above it in src/index.ts.`);
  const open = source.indexOf('(', at);
  let depth = 0;
  let close = open;
  for (; close < source.length; close++) {
    if (source[close] === '(') depth++;
    if (source[close] === ')' && --depth === 0) break;
  }
  const declared = splitParams(source.slice(open + 1, close));
  const params = declared.map((p) => {
    const m = p.match(/^(?:\.\.\.)?([A-Za-z_$][\w$]*)/);
    if (!m) throw new BuildError(`${name}: cannot read parameter "${p}".`);
    return m[1];
  });
  const jsdoc = jsdocMatch[0];
  if (/@customfunction/.test(jsdoc)) {
    params.forEach((p, i) => {
      const line = jsdoc.match(new RegExp(`@param\\s+(\\{[^}]*\\}\\s+)?(\\[?)${p}\\b[^\\n]*`));
      if (!line) {
        throw new BuildError(`${name}: custom function parameter "${p}" has no @param line in its JSDoc.`);
      }
      checkOptional(name, p, line[0], line[2] === '[', /^(?:\.\.\.)?[\w$]+\s*\?|=(?!>)/.test(declared[i]));
    });
  } else if (name.startsWith('CCHC_')) {
    throw new BuildError(`${name}: custom functions (CCHC_*) need @customfunction in their JSDoc.`);
  }
  const isCustom = /@customfunction/.test(jsdoc);
  // Only custom functions carry their JSDoc into dist/Code.js (Sheets' autocomplete reads it).
  return { name, params, isCustom, jsdoc: isCustom ? indentJsdoc(jsdoc) : '' };
}

/**
 * Sheets' autocomplete shows every @param of a custom function as required and prints a JSDoc "[name]" as
 * is (https://developers.google.com/apps-script/guides/sheets/functions#autocomplete): an optional
 * parameter says "(tùy chọn)" in its description instead, and no "[name]" reaches the bundle.
 */
export const OPTIONAL_MARK = '(tùy chọn)';

function checkOptional(name, param, line, bracketed, optional) {
  if (bracketed) {
    throw new BuildError(
      `${name}: write "@param ${param} … ${OPTIONAL_MARK}" instead of "[${param}]": Sheets shows brackets as they are.`,
    );
  }
  if (optional && !line.includes(OPTIONAL_MARK)) {
    throw new BuildError(
      `${name}: optional parameter "${param}" needs "${OPTIONAL_MARK}" in its @param description.`,
    );
  }
  if (!optional && line.includes(OPTIONAL_MARK)) {
    throw new BuildError(
      `${name}: parameter "${param}" says "${OPTIONAL_MARK}" but is required in the code.`,
    );
  }
}

function indentJsdoc(jsdoc) {
  return jsdoc.replace(/^[ \t]*/gm, (m, offset) => (offset === 0 ? '' : ' '));
}
