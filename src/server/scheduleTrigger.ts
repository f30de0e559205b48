// The daily trigger of one user in one document, found by the unique id stored when it was created.
//
// Why not by handler name: for an add-on, ScriptApp.getProjectTriggers() lists the user's triggers of every
// document the add-on runs in, so "ours" by name could delete the user's trigger elsewhere; and whether
// ScriptApp.getUserTriggers(spreadsheet) lists time-driven triggers at all is not documented
// (https://developers.google.com/apps-script/reference/script/script-app). So the id is stored in the
// user's properties, keyed by the spreadsheet id, and looked up in both listings.
//
// Never created or deleted from inside a trigger run: a known Apps Script defect leaves a trigger created
// that way disabled. Only the sidebar and the menu (a person's run) install, remove or re-sync it; the
// daily run only compares the hour and records a mismatch (schedule.ts).

/** The trigger handler: a top-level function of dist/Code.js (src/index.ts). */
export const TRIGGER_HANDLER = 'dailyTick';

/** What this user's properties hold about the schedule of one spreadsheet. */
export interface ScheduleRecord {
  triggerId: string;
  spreadsheetId: string;
  /** Hour (0–23) the trigger was created for. */
  hour: number;
  /** ISO instant it was created. */
  installedAt: string;
}

export const scheduleKey = (spreadsheetId: string): string => `cchc.schedule.${spreadsheetId}`;
/** trigger id → spreadsheet id: what a timer run without an active spreadsheet knows about itself. */
export const triggerKey = (triggerId: string): string => `cchc.trigger.${triggerId}`;

/** Thrown when code would create or delete a trigger inside a trigger run. */
export class TriggerRunError extends Error {
  constructor() {
    super('Không tạo hay xóa trình kích hoạt trong một lần chạy tự động (Apps Script sẽ vô hiệu hóa nó).');
    this.name = 'TriggerRunError';
  }
}

let inTriggerRun = false;

/** Runs the daily trigger's work: inside it, installing or removing the trigger throws TriggerRunError. */
export function asTriggerRun<T>(fn: () => T): T {
  const previous = inTriggerRun;
  inTriggerRun = true;
  try {
    return fn();
  } finally {
    inTriggerRun = previous;
  }
}

function refuseInTriggerRun(): void {
  if (inTriggerRun) throw new TriggerRunError();
}

const ID_CACHE_KEY = 'cchc.spreadsheetId';

/**
 * The spreadsheet's id, from the document cache when it holds it: the sidebar payload needs it on every
 * load and a Spreadsheet call costs more than a cache read. The document cache is "scoped to the current
 * document" (https://developers.google.com/apps-script/reference/cache/cache-service), so a copy of the
 * spreadsheet never sees the original's id.
 */
export function spreadsheetIdOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  let cache: GoogleAppsScript.Cache.Cache | null = null;
  try {
    cache = CacheService.getDocumentCache();
    const cached = cache?.get(ID_CACHE_KEY);
    if (cached) return cached;
  } catch {
    cache = null;
  }
  const id = ss.getId();
  try {
    cache?.put(ID_CACHE_KEY, id, 21600);
  } catch {
    // Asked again next time.
  }
  return id;
}

function userProps(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

export function readScheduleRecord(spreadsheetId: string): ScheduleRecord | null {
  const raw = userProps().getProperty(scheduleKey(spreadsheetId));
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as ScheduleRecord;
    if (typeof r.triggerId !== 'string' || r.triggerId === '') return null;
    return {
      triggerId: r.triggerId,
      spreadsheetId,
      hour: Number(r.hour),
      installedAt: typeof r.installedAt === 'string' ? r.installedAt : '',
    };
  } catch {
    return null;
  }
}

/** The spreadsheet a trigger was created for (from the event's triggerUid), or null. */
export function spreadsheetOfTrigger(triggerId: string | null | undefined): string | null {
  if (!triggerId) return null;
  try {
    return userProps().getProperty(triggerKey(String(triggerId)));
  } catch {
    return null;
  }
}

/**
 * This user's daily trigger in `ss`: by its stored id in getUserTriggers(ss), then in
 * getProjectTriggers(). A trigger made before ids were stored is recognised by its handler among this
 * document's user triggers (the sidebar then re-creates it with a stored id, see schedule.ts).
 */
export function findTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spreadsheetId: string = spreadsheetIdOf(ss),
): GoogleAppsScript.Script.Trigger | null {
  const record = readScheduleRecord(spreadsheetId);
  const inDocument = ScriptApp.getUserTriggers(ss);
  if (record) {
    const byId = (t: GoogleAppsScript.Script.Trigger) => t.getUniqueId() === record.triggerId;
    return inDocument.find(byId) ?? ScriptApp.getProjectTriggers().find(byId) ?? null;
  }
  return inDocument.find((t) => t.getHandlerFunction() === TRIGGER_HANDLER) ?? null;
}

function remember(triggerId: string, spreadsheetId: string, hour: number, installedAt: string): void {
  const record: ScheduleRecord = { triggerId, spreadsheetId, hour, installedAt };
  userProps().setProperties({
    [scheduleKey(spreadsheetId)]: JSON.stringify(record),
    [triggerKey(triggerId)]: spreadsheetId,
  });
}

/** Creates the daily trigger at `hour` in `timeZone`, replacing this user's earlier one in `ss`. */
export function installTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  hour: number,
  timeZone: string,
  now: Date,
): ScheduleRecord {
  refuseInTriggerRun();
  const spreadsheetId = spreadsheetIdOf(ss);
  removeTrigger(ss, spreadsheetId);
  const trigger = ScriptApp.newTrigger(TRIGGER_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone(timeZone)
    .create();
  const record: ScheduleRecord = {
    triggerId: trigger.getUniqueId(),
    spreadsheetId,
    hour,
    installedAt: now.toISOString(),
  };
  remember(record.triggerId, spreadsheetId, hour, record.installedAt);
  return record;
}

/** Removes this user's daily trigger in `ss` and forgets it; returns whether there was one. */
export function removeTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spreadsheetId: string = spreadsheetIdOf(ss),
): boolean {
  refuseInTriggerRun();
  const found = findTrigger(ss, spreadsheetId);
  if (found) ScriptApp.deleteTrigger(found);
  const record = readScheduleRecord(spreadsheetId);
  const props = userProps();
  props.deleteProperty(scheduleKey(spreadsheetId));
  if (record) props.deleteProperty(triggerKey(record.triggerId));
  if (found) props.deleteProperty(triggerKey(found.getUniqueId()));
  return found !== null;
}
