// What a simple trigger may call in each authorization mode of an editor add-on.
//
// Google: "NONE: a mode that does not allow access to any services that require authorization. This mode
// occurs when an add-on executes an onOpen(e) simple trigger, and the user has installed an add-on in a
// different document but the add-on has not been used in the current document." "LIMITED: a mode that
// allows access to a limited subset of services. This mode occurs when an add-on or a script bound to a
// document executes an onOpen(e) or onEdit(e) simple trigger, except in the case described for NONE."
// (https://developers.google.com/apps-script/reference/script/auth-mode). The authorization lifecycle
// (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle) adds that NONE may only
// build the add-on menu ("do not attempt any action that requires authorization, such as checking the
// script Properties"), and that LIMITED reaches the current file but nothing that needs the user's
// consent. Where the pages are silent (locks and caches in NONE) the stand-in refuses: the add-in must
// not depend on them there.
import type { ExecutionMode, UnknownBehaviours } from './context';
import type { ServiceName } from './counter';

/** Calls that build the add-on menu: the only thing AuthMode.NONE allows. */
const MENU_CALLS = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/** Services that need no authorization at all (formatting, logging, the script's own facts). */
const FREE: ReadonlySet<ServiceName> = new Set(['Utilities', 'Logger']);

/** Services a LIMITED run may use besides the menu: the current file and the script's own stores. */
const LIMITED: ReadonlySet<ServiceName> = new Set([
  'Spreadsheet',
  'Properties',
  'Lock',
  'Cache',
  'Session',
  'Utilities',
  'Logger',
]);

/**
 * Why a call is refused in this mode (the text Apps Script shows), or null when it is allowed. HtmlService
 * in LIMITED follows the switch `limitedHtmlService` (the pages do not say; context.ts).
 */
export function authRefusal(
  mode: ExecutionMode,
  service: ServiceName,
  name: string,
  behaviours?: Pick<UnknownBehaviours, 'limitedHtmlService'>,
): string | null {
  if (mode !== 'authNone' && mode !== 'authLimited') return null;
  if (MENU_CALLS.has(name)) return null;
  const allowed =
    mode === 'authNone'
      ? FREE.has(service)
      : LIMITED.has(service) || (service === 'Html' && behaviours?.limitedHtmlService === true);
  return allowed
    ? null
    : `You do not have permission to call ${name}. (AuthMode.${mode === 'authNone' ? 'NONE' : 'LIMITED'})`;
}
