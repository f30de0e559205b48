// ScriptApp: installable triggers are recorded (never scheduled); fireTimeTriggers runs their handlers
// on demand, as a time-driven execution would. Editor add-on limits are enforced by default: one trigger
// of each type per user per document, time-driven ones at most hourly.
import { inMode, type StandInContext } from './context';
import { counted } from './counter';
import { makeEnum } from './enums';
import type { LockTable } from './lock';
import { StandInSpreadsheet } from './spreadsheet/spreadsheet';
import { wallClock } from './time';

type GasScriptApp = GoogleAppsScript.Script.ScriptApp;
type GasTrigger = GoogleAppsScript.Script.Trigger;
type GasTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GasClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GasSpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
type Script = typeof GoogleAppsScript.Script;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onMonthDay?: number;
  onWeekDay?: string;
  timeZone?: string;
  at?: Date;
  afterMs?: number;
}

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string;
  /** For time-driven triggers: the schedule as built. */
  schedule?: ClockSchedule;
  /** Created from inside a trigger run: never fires while `triggersCreatedInTriggerRunAreDead` is on. */
  createdInTriggerRun?: boolean;
}

export interface TriggerTable {
  list: TriggerRecord[];
  nextId: number;
  spreadsheetId: string;
  addOn: boolean;
}

const MAX_TRIGGERS_PER_SCRIPT = 20;

const TRIGGER_METHODS = [
  'getEventType',
  'getHandlerFunction',
  'getTriggerSource',
  'getTriggerSourceId',
  'getUniqueId',
] as const;

export class StandInTrigger implements Pick<GasTrigger, (typeof TRIGGER_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    readonly record: TriggerRecord,
  ) {}

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    return this.record.sourceId;
  }

  getUniqueId(): string {
    return this.record.uniqueId;
  }
}

/** A document's id without a counted call when it is the stand-in spreadsheet. */
function documentId(document: string | { getId(): string }): string {
  if (typeof document === 'string') return document;
  return document instanceof StandInSpreadsheet ? document.id : document.getId();
}

function install(
  ctx: StandInContext,
  table: TriggerTable,
  record: Omit<TriggerRecord, 'uniqueId'>,
): GasTrigger {
  if (table.list.length >= MAX_TRIGGERS_PER_SCRIPT) {
    throw ctx.error(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  if (table.addOn && table.list.some((t) => t.eventType === record.eventType)) {
    throw ctx.error(
      record.eventType === 'CLOCK'
        ? 'This add-on has created too many time-based triggers in this document for this Google user account.'
        : `This add-on has already created a ${record.eventType} trigger in this document for this Google user account.`,
    );
  }
  const full: TriggerRecord = { ...record, uniqueId: String(table.nextId++) };
  if (ctx.mode === 'trigger') full.createdInTriggerRun = true;
  table.list.push(full);
  return new StandInTrigger(ctx, full) as unknown as GasTrigger;
}

const CLOCK_METHODS = [
  'after',
  'at',
  'atHour',
  'create',
  'everyDays',
  'everyHours',
  'everyMinutes',
  'everyWeeks',
  'inTimezone',
  'nearMinute',
  'onMonthDay',
  'onWeekDay',
] as const;

export class StandInClockTriggerBuilder implements Pick<
  GasClockTriggerBuilder,
  (typeof CLOCK_METHODS)[number]
> {
  private readonly schedule: ClockSchedule = {};

  constructor(
    readonly ctx: StandInContext,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {}

  private set(patch: ClockSchedule, check: boolean, message: string): GasClockTriggerBuilder {
    if (!check) throw this.ctx.error(message);
    Object.assign(this.schedule, patch);
    return this as unknown as GasClockTriggerBuilder;
  }

  everyMinutes(n: number): GasClockTriggerBuilder {
    if (this.table.addOn)
      throw this.ctx.error(
        'Add-ons can not create time-based triggers that run more often than once an hour.',
      );
    return this.set(
      { everyMinutes: n },
      [1, 5, 10, 15, 30].includes(n),
      'Invalid argument: minutes must be 1, 5, 10, 15 or 30.',
    );
  }

  everyHours(n: number): GasClockTriggerBuilder {
    return this.set(
      { everyHours: n },
      [1, 2, 4, 6, 8, 12].includes(n),
      'Invalid argument: hours must be 1, 2, 4, 6, 8 or 12.',
    );
  }

  everyDays(n: number): GasClockTriggerBuilder {
    return this.set({ everyDays: n }, Number.isInteger(n) && n >= 1, 'Invalid argument: days');
  }

  everyWeeks(n: number): GasClockTriggerBuilder {
    return this.set({ everyWeeks: n }, Number.isInteger(n) && n >= 1, 'Invalid argument: weeks');
  }

  atHour(hour: number): GasClockTriggerBuilder {
    return this.set(
      { atHour: hour },
      Number.isInteger(hour) && hour >= 0 && hour <= 23,
      'Invalid argument: hour',
    );
  }

  nearMinute(minute: number): GasClockTriggerBuilder {
    return this.set(
      { nearMinute: minute },
      Number.isInteger(minute) && minute >= 0 && minute <= 59,
      'Invalid argument: minute',
    );
  }

  onMonthDay(day: number): GasClockTriggerBuilder {
    return this.set(
      { onMonthDay: day },
      Number.isInteger(day) && day >= 1 && day <= 31,
      'Invalid argument: day',
    );
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): GasClockTriggerBuilder {
    return this.set({ onWeekDay: String(day) }, true, '');
  }

  inTimezone(timezone: string): GasClockTriggerBuilder {
    return this.set({ timeZone: timezone }, true, '');
  }

  at(date: GoogleAppsScript.Base.Date): GasClockTriggerBuilder {
    return this.set({ at: new Date(date.getTime()) }, true, '');
  }

  after(durationMilliseconds: number): GasClockTriggerBuilder {
    return this.set(
      { afterMs: durationMilliseconds },
      durationMilliseconds >= 0,
      'Invalid argument: durationMilliseconds',
    );
  }

  create(): GasTrigger {
    const s = this.schedule;
    const recurrences = [
      s.everyMinutes,
      s.everyHours,
      s.everyDays,
      s.everyWeeks,
      s.onMonthDay,
      s.onWeekDay,
    ].filter((x) => x !== undefined);
    const once = s.at !== undefined || s.afterMs !== undefined;
    if (
      recurrences.length + (once ? 1 : 0) !== 1 &&
      !(s.everyWeeks !== undefined && s.onWeekDay !== undefined && recurrences.length === 2)
    ) {
      throw this.ctx.error(
        'A time-based trigger needs exactly one schedule (everyHours, everyDays, onMonthDay, at, ...).',
      );
    }
    if (s.atHour !== undefined && (s.everyMinutes !== undefined || s.everyHours !== undefined || once)) {
      throw this.ctx.error('atHour can only be used with daily, weekly or monthly triggers.');
    }
    if (s.nearMinute !== undefined && s.atHour === undefined)
      throw this.ctx.error('nearMinute needs atHour.');
    return install(this.ctx, this.table, {
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      schedule: { ...s },
    });
  }
}

const SPREADSHEET_METHODS = ['create', 'onChange', 'onEdit', 'onFormSubmit', 'onOpen'] as const;

export class StandInSpreadsheetTriggerBuilder implements Pick<
  GasSpreadsheetTriggerBuilder,
  (typeof SPREADSHEET_METHODS)[number]
> {
  private eventType: TriggerRecord['eventType'] | null = null;

  constructor(
    readonly ctx: StandInContext,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {}

  private on(type: TriggerRecord['eventType']): GasSpreadsheetTriggerBuilder {
    this.eventType = type;
    return this as unknown as GasSpreadsheetTriggerBuilder;
  }

  onOpen(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_OPEN');
  }

  onEdit(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_EDIT');
  }

  onChange(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_CHANGE');
  }

  onFormSubmit(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_FORM_SUBMIT');
  }

  create(): GasTrigger {
    if (!this.eventType)
      throw this.ctx.error('A spreadsheet trigger needs an event: onOpen, onEdit, onChange or onFormSubmit.');
    return install(this.ctx, this.table, {
      handlerFunction: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.table.spreadsheetId,
    });
  }
}

const BUILDER_METHODS = ['forSpreadsheet', 'timeBased'] as const;

export class StandInTriggerBuilder implements Pick<GasTriggerBuilder, (typeof BUILDER_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {}

  timeBased(): GasClockTriggerBuilder {
    return new StandInClockTriggerBuilder(
      this.ctx,
      this.table,
      this.handler,
    ) as unknown as GasClockTriggerBuilder;
  }

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GasSpreadsheetTriggerBuilder {
    const id = documentId(sheet);
    if (id !== this.table.spreadsheetId) throw this.ctx.error('The stand-in only has its own spreadsheet.');
    return new StandInSpreadsheetTriggerBuilder(
      this.ctx,
      this.table,
      this.handler,
    ) as unknown as GasSpreadsheetTriggerBuilder;
  }
}

const APP_METHODS = [
  'deleteTrigger',
  'getAuthorizationInfo',
  'getInstallationSource',
  'getProjectTriggers',
  'getScriptId',
  'getUserTriggers',
  'newTrigger',
] as const;
type AppMember =
  | (typeof APP_METHODS)[number]
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay';

export class StandInScriptApp implements Pick<GasScriptApp, AppMember> {
  readonly AuthMode = makeEnum<Script['AuthMode']>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  readonly AuthorizationStatus = makeEnum<Script['AuthorizationStatus']>(['REQUIRED', 'NOT_REQUIRED']);
  readonly EventType = makeEnum<Script['EventType']>([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  readonly InstallationSource = makeEnum<Script['InstallationSource']>([
    'APPS_MARKETPLACE_DOMAIN_ADD_ON',
    'NONE',
    'WEB_STORE_ADD_ON',
  ]);
  readonly TriggerSource = makeEnum<Script['TriggerSource']>([
    'SPREADSHEETS',
    'CLOCK',
    'FORMS',
    'DOCUMENTS',
    'CALENDAR',
  ]);
  readonly WeekDay = makeEnum<typeof GoogleAppsScript.Base.Weekday>([
    'SUNDAY',
    'MONDAY',
    'TUESDAY',
    'WEDNESDAY',
    'THURSDAY',
    'FRIDAY',
    'SATURDAY',
  ]);

  constructor(
    readonly ctx: StandInContext,
    private readonly table: TriggerTable,
    private readonly scriptId: string,
  ) {}

  private triggers(): GasTrigger[] {
    return this.table.list.map((record) => new StandInTrigger(this.ctx, record) as unknown as GasTrigger);
  }

  newTrigger(functionName: string): GasTriggerBuilder {
    return new StandInTriggerBuilder(this.ctx, this.table, functionName) as unknown as GasTriggerBuilder;
  }

  getProjectTriggers(): GasTrigger[] {
    return this.triggers();
  }

  /**
   * The current user's triggers in this document. Whether time-driven ones are listed is undocumented:
   * the `userTriggersListClock` switch (context.ts) decides.
   */
  getUserTriggers(
    document:
      | GoogleAppsScript.Spreadsheet.Spreadsheet
      | GoogleAppsScript.Document.Document
      | GoogleAppsScript.Forms.Form,
  ): GasTrigger[] {
    if (documentId(document) !== this.table.spreadsheetId) return [];
    const listClock = this.ctx.behaviours.userTriggersListClock;
    return this.table.list
      .filter((record) => listClock || record.eventType !== 'CLOCK')
      .map((record) => new StandInTrigger(this.ctx, record) as unknown as GasTrigger);
  }

  deleteTrigger(trigger: GasTrigger): void {
    const id = trigger instanceof StandInTrigger ? trigger.record.uniqueId : trigger.getUniqueId();
    const i = this.table.list.findIndex((t) => t.uniqueId === id);
    if (i >= 0) this.table.list.splice(i, 1);
  }

  getScriptId(): string {
    return this.scriptId;
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return 'NONE' as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    void authMode;
    return {
      getAuthorizationStatus: () => 'NOT_REQUIRED' as unknown as GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationUrl: () => '',
    };
  }
}

counted(StandInTrigger, 'Trigger', 'Script', TRIGGER_METHODS);
counted(StandInClockTriggerBuilder, 'ClockTriggerBuilder', 'Script', CLOCK_METHODS, 'deny');
counted(StandInSpreadsheetTriggerBuilder, 'SpreadsheetTriggerBuilder', 'Script', SPREADSHEET_METHODS, 'deny');
counted(StandInTriggerBuilder, 'TriggerBuilder', 'Script', BUILDER_METHODS, 'deny');
counted(StandInScriptApp, 'ScriptApp', 'Script', APP_METHODS, 'deny');

/** The event object a time-driven trigger receives. */
export function clockEvent(record: TriggerRecord, now: Date): Record<string, unknown> {
  const w = wallClock(now, 'UTC');
  return {
    authMode: 'FULL',
    triggerUid: record.uniqueId,
    year: w.year,
    month: w.month,
    'day-of-month': w.day,
    'day-of-week': w.weekday === 0 ? 7 : w.weekday,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    timezone: 'UTC',
  };
}

/**
 * Runs every time-driven trigger's handler, found by name on `target` (globalThis or a vm context), as
 * its own execution: mode 'trigger' (no UI), locks released at the end. A handler's error propagates.
 * A trigger created inside a trigger run does not fire while `triggersCreatedInTriggerRunAreDead` is on.
 */
export function fireTimeTriggers(
  ctx: StandInContext,
  table: TriggerTable,
  locks: LockTable,
  target: object,
): string[] {
  const fired: string[] = [];
  const dead = (t: TriggerRecord) =>
    t.createdInTriggerRun === true && ctx.behaviours.triggersCreatedInTriggerRunAreDead;
  for (const record of table.list.filter((t) => t.eventType === 'CLOCK' && !dead(t))) {
    const handler = (target as Record<string, unknown>)[record.handlerFunction];
    if (typeof handler !== 'function')
      throw new Error(`Script function not found: ${record.handlerFunction}`);
    try {
      inMode(ctx, 'trigger', () => (handler as (e: unknown) => unknown)(clockEvent(record, ctx.now())));
    } finally {
      locks.endExecution();
    }
    fired.push(record.handlerFunction);
  }
  return fired;
}
