// The state every stand-in object shares: clock, time zones, call counter, the current execution mode,
// the switches for behaviours Google does not document, and how errors are made (in the realm of the
// code that catches them, see loadBundle.ts).
import type { CallCounter } from './counter';

/**
 * 'script': menu, sidebar or test code (AuthMode.FULL); 'trigger': a time-driven trigger;
 * 'customFunction': a formula; 'authNone' / 'authLimited': a simple trigger (onOpen, onEdit) run in
 * AuthMode.NONE or AuthMode.LIMITED (see auth.ts for what each may call).
 */
export type ExecutionMode = 'script' | 'trigger' | 'customFunction' | 'authNone' | 'authLimited';

/**
 * Behaviours Google's documentation leaves open. Each has a switch so the product can be tested under
 * every plausible answer; `docs/verify-on-google.md` says how to find the real one on a Google account.
 */
export interface UnknownBehaviours {
  /**
   * What a time-driven run of the add-on finds. LockService.getDocumentLock() and
   * PropertiesService.getDocumentProperties() are documented to return null "outside the context of a
   * containing document" (https://developers.google.com/apps-script/reference/lock/lock-service,
   * https://developers.google.com/apps-script/reference/properties/properties-service); nothing says
   * whether a timer run of an editor add-on has one. `false` makes the call return null in 'trigger' mode.
   * Default: all true (a bound script's timer run has its document).
   */
  timerRun: {
    activeSpreadsheet: boolean;
    documentLock: boolean;
    documentProperties: boolean;
    /** SpreadsheetApp.openById(own id) in a timer run (the `spreadsheets.currentonly` scope may refuse it). */
    openById: boolean;
  };
  /**
   * Whether ScriptApp.getUserTriggers(spreadsheet) lists the add-on's time-driven triggers: documented as
   * "all installable triggers owned by this user in the given spreadsheet"
   * (https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)),
   * yet a clock trigger has no spreadsheet source. Default true.
   */
  userTriggersListClock: boolean;
  /**
   * A known Apps Script defect: a trigger created from inside a trigger run may never fire. true: such a
   * trigger is recorded but fireTimeTriggers skips it. Default true (the product must never do it).
   */
  triggersCreatedInTriggerRunAreDead: boolean;
  /**
   * An error cell (#N/A, #DIV/0!...) inside a range passed to a custom function. The Custom Functions guide
   * (https://developers.google.com/apps-script/guides/sheets/functions#arguments) does not say.
   * 'text': the function receives the error code as text ("#N/A"); 'propagate': Sheets does not call the
   * function and the formula cell shows the error. Default 'text'.
   */
  errorArguments: 'text' | 'propagate';
  /**
   * Whether text starting with + or - written by setValue(s) (not a number) becomes a formula, as typing it
   * in the UI does (undocumented for scripts). Default false.
   */
  signedTextBecomesFormula: boolean;
  /**
   * Whether Protection.canEdit() is true for a user outside the editors list of a warning-only protection.
   * The Protection page (https://developers.google.com/apps-script/reference/spreadsheet/protection) says
   * warning-based protection lets "every user" edit after a warning, but not what canEdit answers then.
   * Default true. (Script writes into warning-only ranges are never refused: the warning is a UI prompt.)
   */
  warningOnlyCanEdit: boolean;
  /**
   * What setValue(s) does with text into a cell formatted as plain text (number format "@"). The
   * Range.setNumberFormat and setValues pages
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String),
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)) do not say
   * whether the format applies to script writes as it does to typing. 'keepsText': the string is stored as
   * is ("=1+1" and "-5" stay text); 'parses': the format is ignored and the string is parsed like typed input
   * into an unformatted cell ("=1+1" becomes a formula, "-5" the number −5). A leading apostrophe keeps text
   * under both. Default 'keepsText'.
   */
  textFormatOnWrite: 'keepsText' | 'parses';
  /**
   * Whether a simple trigger in AuthMode.LIMITED may call HtmlService (the add-in reads its lazy modules with
   * HtmlService.createHtmlOutputFromFile(name).getContent()). Google's table of authorization modes
   * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle) gives LIMITED the
   * current document and properties, "add menu items" for the user interface, and of the other services
   * only those that do not access user data; it does not say where HtmlService, which shows nothing when it
   * only reads a project file, falls. false: refused (see auth.ts); true: allowed. Default false.
   */
  limitedHtmlService: boolean;
  /**
   * Whether a simple trigger in AuthMode.LIMITED may read and change a protection's editors (getEditors,
   * addEditor(s), removeEditor(s), setDomainEdit): the same table gives LIMITED the current document but no
   * user data, and editors are users' emails. false: refused. Default true.
   */
  limitedProtectionEditors: boolean;
}

export const DEFAULT_BEHAVIOURS: UnknownBehaviours = {
  timerRun: { activeSpreadsheet: true, documentLock: true, documentProperties: true, openById: true },
  userTriggersListClock: true,
  triggersCreatedInTriggerRunAreDead: true,
  errorArguments: 'text',
  signedTextBecomesFormula: false,
  warningOnlyCanEdit: true,
  textFormatOnWrite: 'keepsText',
  limitedHtmlService: false,
  limitedProtectionEditors: true,
};

export interface StandInContext {
  readonly calls: CallCounter;
  now(): Date;
  /** The spreadsheet's time zone (cell dates, TODAY()). */
  readonly timeZone: string;
  /** The script's time zone (Session.getScriptTimeZone(); the manifest's "timeZone"). */
  readonly scriptTimeZone: string;
  mode: ExecutionMode;
  /** The user running the script (Session, protections); `standIn.asUser(email, fn)` changes it. */
  userEmail: string;
  readonly behaviours: UnknownBehaviours;
  /** The spreadsheet's locale (getSpreadsheetLocale; how numbers are shown: spreadsheet/display.ts). */
  locale: string;
  /** An Error as Apps Script throws it (`name` "Exception"). */
  error(message: string): Error;
}

export function createContext(
  calls: CallCounter,
  now: () => Date,
  timeZone: string,
  scriptTimeZone: string = timeZone,
  behaviours: UnknownBehaviours = DEFAULT_BEHAVIOURS,
): StandInContext & {
  errorConstructor: ErrorConstructor;
} {
  return {
    calls,
    now,
    timeZone,
    scriptTimeZone,
    mode: 'script',
    userEmail: 'user@example.com',
    behaviours,
    locale: 'en_GB',
    errorConstructor: Error,
    error(message: string): Error {
      const error = new this.errorConstructor(message);
      error.name = 'Exception';
      return error;
    },
  };
}

/** True in a time-driven run whose document-bound service `what` is switched off (returns null). */
export function absentInTimerRun(ctx: StandInContext, what: keyof UnknownBehaviours['timerRun']): boolean {
  return ctx.mode === 'trigger' && !ctx.behaviours.timerRun[what];
}

/**
 * The stand-in behind an object the script passes back (a Range, Sheet, rule...): it must be one this
 * stand-in handed out; anything else is refused as Apps Script refuses a foreign object.
 */
export function ownObject<T>(
  cls: abstract new (...args: never[]) => T,
  value: unknown,
  argument: string,
  ctx: StandInContext,
): T {
  if (value instanceof cls) return value;
  throw ctx.error(`Invalid argument: ${argument}`);
}

/** Runs `fn` in another execution mode and restores the previous one. */
export function inMode<T>(ctx: StandInContext, mode: ExecutionMode, fn: () => T): T {
  const previous = ctx.mode;
  ctx.mode = mode;
  try {
    return fn();
  } finally {
    ctx.mode = previous;
  }
}
