// The settings form: built from Settings, read back into a plain object, validated with the same
// validateSettings the server uses, and errors shown next to the field their path names.
import { validateSettings, type FieldError, type Settings } from '../core/settings';
import { formatDate, parseNumberInput, settingsMessage, t, type Lang, type MessageKey } from '../core/i18n';
import { el, type Child } from './dom';

type ListName = 'bands' | 'sectors' | 'leadership' | 'lockEditors';
/**
 * `optionalInt`: a whole number, or empty for null (pointsDecimals: empty = no rounding); `date`: text read
 * by the validator (dd/mm/yyyy, empty = not set); `bool`: a checkbox.
 */
type Kind = 'text' | 'email' | 'number' | 'int' | 'optionalInt' | 'date' | 'bool';

/** Email-only lists: one address per row. */
const EMAIL_LISTS: ListName[] = ['leadership', 'lockEditors'];

interface ColumnSpec {
  field: string;
  label: MessageKey;
  kind: Kind;
  width: string;
}

const LIST_COLUMNS: Record<ListName, ColumnSpec[]> = {
  bands: [
    { field: 'label', label: 'set.bandLabel', kind: 'text', width: 'wide' },
    { field: 'minPercent', label: 'set.bandMin', kind: 'number', width: 'narrow' },
  ],
  sectors: [
    { field: 'name', label: 'set.sectorName', kind: 'text', width: 'half' },
    { field: 'head', label: 'set.sectorHead', kind: 'text', width: 'half' },
    { field: 'email', label: 'set.sectorEmail', kind: 'email', width: 'full' },
  ],
  leadership: [{ field: '', label: 'set.sectorEmail', kind: 'email', width: 'wide' }],
  lockEditors: [{ field: '', label: 'set.sectorEmail', kind: 'email', width: 'wide' }],
};

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

/** An input with its label above and its error note below (aria-describedby points at the note). */
function input(kind: Kind, value: string, attrs: Record<string, string | boolean>): HTMLInputElement {
  const type = kind === 'email' ? 'email' : 'text';
  const node = el('input', {
    type,
    value,
    class: 'input',
    'data-kind': kind,
    inputmode: kind === 'number' ? 'decimal' : kind === 'int' || kind === 'optionalInt' ? 'numeric' : null,
    autocomplete: 'off',
    spellcheck: kind === 'text' ? null : 'false',
    ...attrs,
  });
  return node;
}

function errorNote(id: string): HTMLDivElement {
  return el('div', { class: 'field-error error', id, 'data-error': '', hidden: true });
}

function scalarField(
  lang: Lang,
  path: keyof Settings | `rounds.${string}`,
  label: MessageKey,
  kind: Kind,
  value: string,
): HTMLElement {
  const id = nextId('f');
  const control = input(kind, value, { id, 'data-path': path, 'aria-describedby': `${id}-err` });
  return el(
    'div',
    { class: 'form-group' },
    el('label', { for: id }, t(lang, label)),
    control,
    errorNote(`${id}-err`),
  );
}

function listRow(lang: Lang, list: ListName, values: Record<string, string>, index: number): HTMLElement {
  const cells: Child[] = LIST_COLUMNS[list].map((col) => {
    const id = nextId('f');
    const label =
      list === 'leadership'
        ? t(lang, 'set.leaderEmail', { n: index + 1 })
        : `${t(lang, col.label)} ${index + 1}`;
    const control = input(col.kind, values[col.field] ?? '', {
      id,
      'data-field': col.field,
      'aria-label': label,
      'aria-describedby': `${id}-err`,
      placeholder: t(lang, col.label),
    });
    return el('div', { class: `cell ${col.width}` }, control, errorNote(`${id}-err`));
  });
  const remove = el(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      'aria-label': t(lang, 'set.removeAria', {
        what: `${t(lang, LIST_COLUMNS[list][0].label)} ${index + 1}`,
      }),
      title: t(lang, 'set.remove'),
      onclick: (event: Event) => {
        const row = (event.currentTarget as HTMLElement).closest('.list-row');
        const container = row?.parentElement;
        row?.remove();
        container?.dispatchEvent(new Event('input', { bubbles: true }));
      },
    },
    '×',
  );
  return el(
    'div',
    {
      class: `list-row ${list}`,
      role: 'group',
      'aria-label': `${t(lang, LIST_COLUMNS[list][0].label)} ${index + 1}`,
    },
    cells,
    remove,
  );
}

function listSection(
  lang: Lang,
  list: ListName,
  title: MessageKey,
  add: MessageKey,
  rows: Record<string, string>[],
  help?: MessageKey,
): HTMLElement {
  const headingId = nextId('h');
  const errId = nextId('e');
  const body = el(
    'div',
    { class: 'list', 'data-list': list },
    rows.map((values, i) => listRow(lang, list, values, i)),
  );
  const addButton = el(
    'button',
    {
      type: 'button',
      class: 'secondary-button small',
      onclick: () => {
        const row = listRow(lang, list, {}, body.children.length);
        body.appendChild(row);
        row.querySelector('input')?.focus();
        body.dispatchEvent(new Event('input', { bubbles: true }));
      },
    },
    `+ ${t(lang, add)}`,
  );
  return el(
    'fieldset',
    { class: 'group', 'aria-describedby': errId, 'data-group': list },
    el('legend', { id: headingId }, t(lang, title)),
    help ? el('p', { class: 'gray small' }, t(lang, help)) : null,
    body,
    el('div', { class: 'field-error error', id: errId, 'data-error-for': list, hidden: true }),
    addButton,
  );
}

/** Builds the form fields (without the action buttons) for `settings`. */
export function buildSettingsFields(lang: Lang, settings: Settings): HTMLElement[] {
  const n = (v: number) => String(v).replace('.', lang === 'vi' ? ',' : '.');
  const langId = nextId('f');
  return [
    el(
      'fieldset',
      { class: 'group' },
      el('legend', null, t(lang, 'set.general')),
      scalarField(lang, 'communeName', 'set.communeName', 'text', settings.communeName),
      el(
        'div',
        { class: 'two' },
        scalarField(lang, 'year', 'set.year', 'int', String(settings.year)),
        scalarField(lang, 'nearDeadlineDays', 'set.nearDays', 'int', String(settings.nearDeadlineDays)),
      ),
      scalarField(
        lang,
        'pointsDecimals',
        'set.pointsDecimals',
        'optionalInt',
        settings.pointsDecimals === null ? '' : String(settings.pointsDecimals),
      ),
      el('p', { class: 'gray small' }, t(lang, 'set.pointsDecimalsHelp')),
      el(
        'div',
        { class: 'form-group' },
        el('label', { for: langId }, t(lang, 'set.language')),
        el(
          'select',
          { id: langId, class: 'input', 'data-path': 'language' },
          el('option', { value: 'vi', selected: settings.language === 'vi' }, t(lang, 'set.langVi')),
          el('option', { value: 'en', selected: settings.language === 'en' }, t(lang, 'set.langEn')),
        ),
        errorNote(`${langId}-err`),
      ),
    ),
    listSection(
      lang,
      'bands',
      'set.bands',
      'set.addBand',
      settings.bands.map((b) => ({ label: b.label, minPercent: n(b.minPercent) })),
      'set.bandsHelp',
    ),
    listSection(
      lang,
      'sectors',
      'set.sectors',
      'set.addSector',
      settings.sectors.map((s) => ({ name: s.name, head: s.head, email: s.email })),
    ),
    listSection(
      lang,
      'leadership',
      'set.leadership',
      'set.addLeader',
      settings.leadership.map((e) => ({ '': e })),
    ),
    roundsFieldset(lang, settings),
    listSection(
      lang,
      'lockEditors',
      'set.lockEditors',
      'set.addEditor',
      settings.lockEditors.map((e) => ({ '': e })),
      'set.lockEditorsHelp',
    ),
    el(
      'fieldset',
      { class: 'group' },
      el('legend', null, t(lang, 'set.schedule')),
      el(
        'div',
        { class: 'two' },
        scalarField(lang, 'scheduleDay', 'set.scheduleDay', 'int', String(settings.scheduleDay)),
        scalarField(lang, 'scheduleHour', 'set.scheduleHour', 'int', String(settings.scheduleHour)),
      ),
    ),
  ];
}

/** The rounds' dates (dd/mm/yyyy) and the lock mode (issue 14). */
function roundsFieldset(lang: Lang, settings: Settings): HTMLElement {
  const date = (key: keyof Settings['rounds'], label: MessageKey) =>
    scalarField(lang, `rounds.${key}`, label, 'date', formatDate(settings.rounds[key]));
  const warnId = nextId('f');
  return el(
    'fieldset',
    { class: 'group', 'data-group': 'rounds' },
    el('legend', null, t(lang, 'set.rounds')),
    el('p', { class: 'gray small' }, t(lang, 'set.roundsHelp')),
    el('div', { class: 'two' }, date('selfScore', 'set.roundSelf'), date('appraisal1', 'set.roundA1')),
    el('div', { class: 'two' }, date('explanation', 'set.roundExpl'), date('appraisal2', 'set.roundA2')),
    el('div', { class: 'field-error error', 'data-error-for': 'rounds', hidden: true }),
    el(
      'div',
      { class: 'form-group' },
      el(
        'label',
        { for: warnId },
        el('input', {
          type: 'checkbox',
          id: warnId,
          'data-path': 'lockWarningOnly',
          'data-kind': 'bool',
          checked: settings.lockWarningOnly,
        }),
        ` ${t(lang, 'set.lockWarningOnly')}`,
      ),
      errorNote(`${warnId}-err`),
    ),
  );
}

interface ReadResult {
  value: Record<string, unknown>;
  localErrors: FieldError[];
  /** For each list, the row element behind each index of the value (blank rows are dropped). */
  rows: Record<ListName, HTMLElement[]>;
}

function readControl(
  control: HTMLInputElement | HTMLSelectElement,
  path: string,
  errors: FieldError[],
  lang: Lang,
): unknown {
  const kind = control.dataset.kind as Kind | undefined;
  if (kind === 'bool') return (control as HTMLInputElement).checked;
  const raw = control.value;
  if (kind === 'optionalInt' && raw.trim() === '') return null;
  // dd/mm/yyyy as people type it → yyyy-mm-dd, the form settings keep (the validator checks the date).
  const dmy = kind === 'date' ? /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(raw) : null;
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  if (kind === 'number' || kind === 'int' || kind === 'optionalInt') {
    const value = parseNumberInput(raw);
    if (value === null) {
      errors.push({ path, message: t(lang, 'set.notNumber') });
      return Number.NaN;
    }
    if (kind !== 'number' && !Number.isInteger(value))
      errors.push({ path, message: t(lang, 'set.notInteger') });
    return value;
  }
  return raw;
}

/** Reads the form into a settings-shaped object; numbers that do not read give a local error. */
export function readSettingsForm(form: HTMLElement, base: Settings, lang: Lang): ReadResult {
  const localErrors: FieldError[] = [];
  const value: Record<string, unknown> = { ...base };
  for (const control of Array.from(
    form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-path]'),
  )) {
    const path = control.dataset.path as string;
    const read = readControl(control, path, localErrors, lang);
    // "rounds.selfScore": a field of a nested object (copied, never the base's own object).
    const [head, sub] = path.split('.');
    if (sub) value[head] = { ...(value[head] as object), [sub]: read };
    else value[path] = read;
  }
  const rows: Record<ListName, HTMLElement[]> = {
    bands: [],
    sectors: [],
    leadership: [],
    lockEditors: [],
  };
  for (const list of Object.keys(LIST_COLUMNS) as ListName[]) {
    const items: unknown[] = [];
    const container = form.querySelector(`[data-list="${list}"]`);
    for (const row of Array.from(container?.querySelectorAll<HTMLElement>('.list-row') ?? [])) {
      const controls = Array.from(row.querySelectorAll<HTMLInputElement>('input[data-field]'));
      // A row left completely empty is not an entry (an "add" pressed by mistake).
      if (controls.every((c) => c.value.trim() === '')) continue;
      const index = items.length;
      rows[list].push(row);
      if (EMAIL_LISTS.includes(list)) {
        items.push(controls[0].value);
        continue;
      }
      const item: Record<string, unknown> = {};
      for (const c of controls)
        item[c.dataset.field as string] = readControl(
          c,
          `${list}.${index}.${c.dataset.field}`,
          localErrors,
          lang,
        );
      items.push(item);
    }
    value[list] = items;
  }
  return { value, localErrors, rows };
}

/** Validates like the server does; local (number reading) errors come first and win for their path. */
export function validateForm(read: ReadResult): { settings: Settings | null; errors: FieldError[] } {
  const result = validateSettings(read.value);
  const all = [...read.localErrors, ...(result.ok ? [] : result.errors)];
  const seen = new Set<string>();
  const errors = all.filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true)));
  return { settings: errors.length === 0 && result.ok ? result.settings : null, errors };
}

export function clearFieldErrors(form: HTMLElement): void {
  for (const note of Array.from(form.querySelectorAll<HTMLElement>('.field-error'))) {
    note.replaceChildren();
    note.hidden = true;
  }
  for (const control of Array.from(form.querySelectorAll('[aria-invalid]')))
    control.removeAttribute('aria-invalid');
}

/**
 * Shows each error next to the field its path names ("sectors.1.email" → that row's email input); a path
 * naming a whole list ("bands") goes under the list. Returns the errors no field could take, and the first
 * control to focus.
 */
export function showFieldErrors(
  form: HTMLElement,
  errors: FieldError[],
  rows: Record<ListName, HTMLElement[]>,
  lang: Lang,
): { unplaced: FieldError[]; first: HTMLElement | null } {
  clearFieldErrors(form);
  const unplaced: FieldError[] = [];
  let first: HTMLElement | null = null;
  for (const error of errors) {
    const message = settingsMessage(lang, error.message);
    const target = locate(form, error.path, rows);
    if (!target) {
      unplaced.push({ path: error.path, message });
      continue;
    }
    const { control, note } = target;
    if (note.childNodes.length > 0) note.appendChild(document.createTextNode(' '));
    note.appendChild(document.createTextNode(message));
    note.hidden = false;
    if (control) control.setAttribute('aria-invalid', 'true');
    // "bands" (order/overlap) names no single field: mark the threshold that breaks the order.
    const culprit = error.path === 'bands' ? bandCulprit(rows.bands) : null;
    if (culprit) culprit.setAttribute('aria-invalid', 'true');
    const focusable =
      control ??
      culprit ??
      note.closest('fieldset')?.querySelector<HTMLElement>('input, select, button') ??
      null;
    // Focus the invalid field that comes first on screen, whatever order the errors came in.
    if (focusable && (!first || first.compareDocumentPosition(focusable) & Node.DOCUMENT_POSITION_PRECEDING))
      first = focusable;
  }
  return { unplaced, first };
}

function locate(
  form: HTMLElement,
  path: string,
  rows: Record<ListName, HTMLElement[]>,
): { control: HTMLElement | null; note: HTMLElement } | null {
  const parts = path.split('.');
  const head = parts[0] as ListName;
  if (head in rows) {
    if (parts.length >= 2) {
      const row = rows[head][Number(parts[1])];
      const field = EMAIL_LISTS.includes(head) ? '' : (parts[2] ?? null);
      const control =
        row && field !== null ? row.querySelector<HTMLElement>(`input[data-field="${field}"]`) : null;
      const note = control?.parentElement?.querySelector<HTMLElement>('.field-error');
      if (control && note) return { control, note };
    }
    const note = form.querySelector<HTMLElement>(`[data-error-for="${head}"]`);
    return note ? { control: null, note } : null;
  }
  const control =
    form.querySelector<HTMLElement>(`[data-path="${path}"]`) ??
    form.querySelector<HTMLElement>(`[data-path="${head}"]`);
  const note = control?.closest('.form-group')?.querySelector<HTMLElement>('.field-error');
  if (control && note) return { control, note };
  // A check across fields ("rounds": their order) goes under its group.
  const groupNote = form.querySelector<HTMLElement>(`[data-error-for="${head}"]`);
  return groupNote ? { control: null, note: groupNote } : null;
}

/** The threshold input of the first band that is not below the one above it, or the last when it is not 0. */
function bandCulprit(rows: HTMLElement[]): HTMLElement | null {
  const inputs = rows.map((row) => row.querySelector<HTMLInputElement>('input[data-field="minPercent"]'));
  const values = inputs.map((i) => parseNumberInput(i?.value ?? ''));
  for (let k = 1; k < values.length; k++) {
    const a = values[k - 1];
    const b = values[k];
    if (a !== null && b !== null && !(b < a)) return inputs[k];
  }
  const last = values.length - 1;
  return last >= 0 && values[last] !== 0 ? inputs[last] : null;
}
