// Apps Script enums are objects whose members print as their names. Strings named like the members
// behave the same for `===` against the enum member, String(...) and JSON, which is all scripts do.

/** Builds an enum object typed as the @types/google-apps-script enum `E`. */
export function makeEnum<E>(names: readonly string[]): E {
  const result: Record<string, string> = {};
  for (const name of names) result[name] = name;
  return Object.freeze(result) as unknown as E;
}
