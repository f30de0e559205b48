// The spreadsheet's user interface: menus, sidebars, dialogs, alerts and prompts are recorded in
// `UiRecords` so tests can assert on them; test code queues the button a user would click.
import { ownObject, type StandInContext } from './context';
import { counted } from './counter';
import { makeEnum } from './enums';
import { standInHtmlOutput } from './html';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  /** The caption; "" for the add-on menu (Sheets names it after the add-on). */
  name: string;
  addOn: boolean;
  /** Every clickable item, submenus included, in order. */
  items: MenuItemRecord[];
  /** The menu as built: items, separators and submenus. */
  entries: MenuEntry[];
}

export interface UiRecords {
  menus: MenuRecord[];
  sidebars: { title: string; html: string; width: number }[];
  dialogs: { title: string; html: string; modal: boolean; width: number; height: number }[];
  alerts: string[];
  prompts: string[];
  toasts: { message: string; title: string; timeoutSeconds: number | null }[];
  /** Buttons (and prompt text) the "user" will answer with next, first in first out. */
  responses: { button: string; text?: string }[];
  /** Queues the user's answer to the next alert or prompt. */
  respond(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE', text?: string): void;
}

export function createUiRecords(): UiRecords {
  const records: UiRecords = {
    menus: [],
    sidebars: [],
    dialogs: [],
    alerts: [],
    prompts: [],
    toasts: [],
    responses: [],
    respond(button, text) {
      records.responses.push({ button, text });
    },
  };
  return records;
}

const MENU_METHODS = ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] as const;

export class StandInMenu implements Pick<GasMenu, (typeof MENU_METHODS)[number]> {
  readonly record: MenuRecord;

  constructor(
    readonly ctx: StandInContext,
    private readonly records: UiRecords,
    name: string,
    addOn: boolean,
  ) {
    this.record = { name, addOn, items: [], entries: [] };
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.record.entries.push({ type: 'item', caption, functionName });
    this.record.items.push({ caption, functionName });
    return this as unknown as GasMenu;
  }

  addSeparator(): GasMenu {
    this.record.entries.push({ type: 'separator' });
    return this as unknown as GasMenu;
  }

  addSubMenu(menu: GasMenu): GasMenu {
    const sub = ownObject(StandInMenu, menu, 'menu', this.ctx);
    this.record.entries.push({ type: 'submenu', menu: sub.record });
    this.record.items.push(...sub.record.items);
    return this as unknown as GasMenu;
  }

  /** Adding a menu of the same name again replaces it (onOpen runs on every open). */
  addToUi(): void {
    const menus = this.records.menus;
    const i = menus.findIndex((m) => m.name === this.record.name && m.addOn === this.record.addOn);
    if (i >= 0) menus[i] = this.record;
    else menus.push(this.record);
  }
}

const UI_METHODS = [
  'alert',
  'createAddonMenu',
  'createMenu',
  'prompt',
  'showModalDialog',
  'showModelessDialog',
  'showSidebar',
] as const;
type UiMethod = (typeof UI_METHODS)[number] | 'Button' | 'ButtonSet';

export class StandInUi implements Pick<GasUi, UiMethod> {
  readonly Button = makeEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
  readonly ButtonSet = makeEnum<typeof GoogleAppsScript.Base.ButtonSet>([
    'OK',
    'OK_CANCEL',
    'YES_NO',
    'YES_NO_CANCEL',
  ]);

  constructor(
    readonly ctx: StandInContext,
    private readonly records: UiRecords,
  ) {}

  private answer(buttons: ButtonSet | undefined): { button: string; text?: string } {
    const queued = this.records.responses.shift();
    if (queued) return queued;
    return { button: String(buttons ?? 'OK').startsWith('YES') ? 'YES' : 'OK' };
  }

  createMenu(caption: string): GasMenu {
    return new StandInMenu(this.ctx, this.records, caption, false) as unknown as GasMenu;
  }

  createAddonMenu(): GasMenu {
    return new StandInMenu(this.ctx, this.records, '', true) as unknown as GasMenu;
  }

  alert(promptOrTitle: string, buttonsOrPrompt?: ButtonSet | string, buttons?: ButtonSet): Button {
    // (title, prompt, buttons) or (prompt, [buttons]); enum members are strings here, so count arguments.
    const message = buttons !== undefined ? String(buttonsOrPrompt) : promptOrTitle;
    const set = (buttons !== undefined ? buttons : buttonsOrPrompt) as ButtonSet | undefined;
    this.records.alerts.push(message);
    return this.answer(set).button as unknown as Button;
  }

  prompt(
    promptOrTitle: string,
    buttonsOrPrompt?: ButtonSet | string,
    buttons?: ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse {
    // (title, prompt, buttons) or (prompt, [buttons]); enum members are strings here, so count arguments.
    const message = buttons !== undefined ? String(buttonsOrPrompt) : promptOrTitle;
    const set = (buttons !== undefined ? buttons : buttonsOrPrompt) as ButtonSet | undefined;
    this.records.prompts.push(message);
    const answer = this.answer(set);
    return {
      getResponseText: () => answer.text ?? '',
      getSelectedButton: () => answer.button as unknown as Button,
    };
  }

  showSidebar(userInterface: GasHtmlOutput): void {
    const output = standInHtmlOutput(userInterface, this.ctx);
    this.records.sidebars.push({ title: output.title, html: output.content, width: output.width });
  }

  private recordDialog(userInterface: GasHtmlOutput, title: string, modal: boolean): void {
    const output = standInHtmlOutput(userInterface, this.ctx);
    this.records.dialogs.push({
      title,
      html: output.content,
      modal,
      width: output.width,
      height: output.height,
    });
  }

  showModalDialog(userInterface: GasHtmlOutput, title: string): void {
    this.recordDialog(userInterface, title, true);
  }

  showModelessDialog(userInterface: GasHtmlOutput, title: string): void {
    this.recordDialog(userInterface, title, false);
  }
}

counted(StandInMenu, 'Menu', 'Ui', MENU_METHODS, 'deny');
counted(StandInUi, 'Ui', 'Ui', UI_METHODS, 'deny');
