// The criteria tab's geometry cached in document properties, so the on-edit trigger can tell cheaply whether
// an edit changed the table's shape, and our conditional-format mark (cheap highlight check). Only an
// optimisation: without it on-edit recomputes a little more often and rules are fully checked.
import { INPUT_COLUMNS } from '../sheets/headers';
import type { HighlightMark } from '../sheets/highlight';
import type { TableLayout } from '../sheets/table';
import { loadSettings, settingsFromJson, SETTINGS_KEY, type StoredSettings } from './settingsStore';

const LAYOUT_KEY = 'cchc.layout';

export interface CachedLayout {
  sheetName: string;
  sheetId: number;
  headerRow: number;
  inputColumns: number[];
  /** The Điểm formula's cell: its ranges tell how far the formulas reach (rows deleted shrink them). */
  anchorRow: number;
  anchorColumn: number;
  /** Our conditional-format rules after the last write or check on this tab (see applyHighlight). */
  rules?: HighlightMark | null;
}

/** Settings and the cache, read from document properties in one call. */
export interface DocumentState extends StoredSettings {
  cache: CachedLayout | null;
  /** The stored cache as read, to write only when it changed. */
  cacheRaw: string | null;
  props: GoogleAppsScript.Properties.Properties | null;
}

function parseCache(raw: string | null | undefined): CachedLayout | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as CachedLayout;
    if (typeof v.sheetName !== 'string' || !Array.isArray(v.inputColumns) || !(v.anchorColumn > 0))
      return null;
    const r = v.rules;
    return { ...v, rules: r && typeof r.key === 'string' && typeof r.count === 'number' ? r : null };
  } catch {
    return null;
  }
}

/** Settings (with their warning) and the layout cache in one properties call. */
export function readDocumentState(): DocumentState {
  let props: GoogleAppsScript.Properties.Properties | null = null;
  let all: Record<string, string> | null = null;
  try {
    props = PropertiesService.getDocumentProperties();
    all = props.getProperties();
  } catch {
    // Limited auth: settings fall back (with their warning), no cache.
  }
  const stored = all ? settingsFromJson(all[SETTINGS_KEY] ?? null) : loadSettings();
  const cacheRaw = all?.[LAYOUT_KEY] ?? null;
  return { ...stored, cache: parseCache(cacheRaw), cacheRaw, props };
}

/** Stores the tab's geometry (written only when it changed). Never throws. */
export function cacheLayout(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  name: string,
  layout: TableLayout,
  rules: HighlightMark | null,
  doc?: DocumentState,
): void {
  try {
    const props = doc?.props ?? PropertiesService.getDocumentProperties();
    const raw = doc ? doc.cacheRaw : props.getProperty(LAYOUT_KEY);
    const previous = doc ? doc.cache : parseCache(raw);
    const value: CachedLayout = {
      sheetName: name,
      // A tab keeps its id: asked only when the cache is for another (or a renamed) tab.
      sheetId: previous && previous.sheetName === name ? previous.sheetId : sheet.getSheetId(),
      headerRow: layout.headerRow,
      anchorRow: layout.firstDataRow,
      anchorColumn: layout.columns.score ?? 0,
      inputColumns: INPUT_COLUMNS.map((k) => layout.columns[k]).filter((c): c is number => c !== undefined),
      rules,
    };
    const json = JSON.stringify(value);
    if (raw !== json) props.setProperty(LAYOUT_KEY, json);
  } catch {
    // Only an optimisation: without it on-edit recomputes a little more often and rules are fully checked.
  }
}

/** The cached geometry, or null. Never throws. */
export function cachedLayout(): CachedLayout | null {
  try {
    return parseCache(PropertiesService.getDocumentProperties().getProperty(LAYOUT_KEY));
  } catch {
    return null;
  }
}
