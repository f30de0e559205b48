// Sector names: the key a name is compared by (case, diacritics, aliases), the split of a sector cell, "all
// sectors", and the resolver that maps a row's sector cell to the directory's names. Pure.
import { foldText } from './values';

/** A sector of the settings' directory (same shape as settings.Sector, kept structural to stay pure). */
export interface DirectorySector {
  name: string;
  head: string;
  email: string;
}

// Words that, alone in a sector cell (or as one of its comma-separated names), mean "every sector".
const ALL_KEYS = new Set([
  'all',
  'allsectors',
  'every',
  'everysector',
  'tatca',
  'tatcanganh',
  'tatcacacnganh',
  'cacnganh',
  'moinganh',
  'toanbo',
  'chung',
]);
// Cells meaning "no sector" (the sample writes "—" for survey rows).
const NONE_KEYS = new Set(['', 'khong', 'none', 'na']);

/** Folds case, Vietnamese diacritics (đ included) and punctuation: "ĐC-XD" → "dcxd". */
export function sectorKey(name: string): string {
  return foldText(name).replace(/[^a-z0-9]/g, '');
}

/** Keys a name answers to: the whole name, the name without "(…)", and each "(…)" part ("VP-TK (Nội vụ)"). */
function aliasKeys(name: string): string[] {
  const keys = [sectorKey(name), sectorKey(name.replace(/\([^)]*\)/g, ' '))];
  for (const m of name.matchAll(/\(([^)]*)\)/g)) keys.push(sectorKey(m[1]));
  return [...new Set(keys.filter((k) => k !== ''))];
}

/** Splits a sector cell: "BPMC, TP-HT; ĐC-XD" → three names. "/" is not a separator ("CT/PCT" is one name). */
export function splitSectorCell(cell: string): string[] {
  return cell
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => !NONE_KEYS.has(sectorKey(s)));
}

/** True when a name in a sector cell means every sector ("all", "all sectors", "tất cả", "các ngành"…). */
export function isAllSectors(name: string): boolean {
  return ALL_KEYS.has(sectorKey(name));
}

/**
 * Resolves sector cells against the directory. A criterion belongs to every sector named in its cell; a name
 * matches a directory sector case-, diacritic- and punctuation-insensitively, by its whole name, its name
 * without a "(…)" note, or the note itself ("Văn phòng – Thống kê (VP-TK)" answers to "VP-TK").
 * "all" / "tất cả" makes the criterion shared: it belongs to every known sector (the directory's and those
 * named elsewhere in the sheet). Names not in the directory still form a sector of their own (the report
 * shows them; no email can go to them).
 */
export class SectorResolver {
  private readonly byAlias = new Map<string, string>();
  /** Canonical sector names in display order: the directory first, then names found only in the sheet. */
  readonly names: string[] = [];
  private readonly inDirectory = new Set<string>();
  readonly unknown: string[] = [];

  constructor(directory: DirectorySector[], sheetCells: string[]) {
    for (const s of directory) {
      const name = s.name.trim();
      if (!name) continue;
      this.names.push(name);
      this.inDirectory.add(name);
      for (const k of aliasKeys(name)) if (!this.byAlias.has(k)) this.byAlias.set(k, name);
    }
    for (const cell of sheetCells) {
      for (const token of splitSectorCell(cell)) {
        if (isAllSectors(token) || this.match(token).length > 0) continue;
        // "VP-TK (Nội vụ)" is shown, and matched later, as "VP-TK".
        const stripped = token
          .replace(/\([^)]*\)/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        const display = stripped || token.replace(/\s+/g, ' ');
        if (this.byAlias.has(sectorKey(display))) continue;
        this.names.push(display);
        this.unknown.push(display);
        this.byAlias.set(sectorKey(display), display);
      }
    }
  }

  /** Canonical names a single token matches (several when it names a directory sector by a shared alias). */
  private match(token: string): string[] {
    const found = new Set<string>();
    const whole = this.byAlias.get(sectorKey(token));
    if (whole) return [whole];
    for (const k of aliasKeys(token)) {
      const n = this.byAlias.get(k);
      if (n) found.add(n);
    }
    return [...found];
  }

  isInDirectory(name: string): boolean {
    return this.inDirectory.has(name);
  }

  /** The sectors a criterion belongs to and whether it is shared by all sectors. */
  resolve(cell: string): { sectors: string[]; shared: boolean } {
    const out = new Set<string>();
    let shared = false;
    for (const token of splitSectorCell(cell)) {
      if (isAllSectors(token)) shared = true;
      else for (const n of this.match(token)) out.add(n);
    }
    if (shared) for (const n of this.names) out.add(n);
    return { sectors: this.names.filter((n) => out.has(n)), shared };
  }
}
