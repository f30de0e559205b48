// PropertiesService: document, user and script stores kept apart. Values are strings (others are
// stringified as Apps Script does); a value may hold at most 9 KB and a store 500 KB.
import { absentInTimerRun, type StandInContext } from './context';
import { counted } from './counter';

type GasProperties = GoogleAppsScript.Properties.Properties;
type GasPropertiesService = GoogleAppsScript.Properties.PropertiesService;

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

const PROPERTIES_METHODS = [
  'deleteAllProperties',
  'deleteProperty',
  'getKeys',
  'getProperties',
  'getProperty',
  'setProperties',
  'setProperty',
] as const;

export class StandInProperties implements Pick<GasProperties, (typeof PROPERTIES_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    /** The backing store, shared with StandIn.properties for direct inspection. */
    readonly store: Map<string, string>,
  ) {}

  private self(): GasProperties {
    return this as unknown as GasProperties;
  }

  private checked(key: unknown, value: unknown): [string, string] {
    if (key === null || key === undefined || String(key) === '')
      throw this.ctx.error('Invalid argument: key');
    if (value === null || value === undefined) throw this.ctx.error('Invalid argument: value');
    const v = String(value);
    if (bytes(v) > VALUE_LIMIT_BYTES) throw this.ctx.error('Argument too large: value');
    return [String(key), v];
  }

  private commit(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES) {
      throw this.ctx.error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): GasProperties {
    const [k, v] = this.checked(key, value);
    const next = new Map(this.store);
    next.set(k, v);
    this.commit(next);
    return this.self();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GasProperties {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [key, value] of Object.entries(properties)) {
      const [k, v] = this.checked(key, value);
      next.set(k, v);
    }
    this.commit(next);
    return this.self();
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  deleteProperty(key: string): GasProperties {
    this.store.delete(String(key));
    return this.self();
  }

  deleteAllProperties(): GasProperties {
    this.store.clear();
    return this.self();
  }
}

export interface PropertyStores {
  document: Map<string, string>;
  user: Map<string, string>;
  script: Map<string, string>;
}

const SERVICE_METHODS = ['getDocumentProperties', 'getScriptProperties', 'getUserProperties'] as const;

export class StandInPropertiesService implements Pick<
  GasPropertiesService,
  (typeof SERVICE_METHODS)[number]
> {
  constructor(
    readonly ctx: StandInContext,
    private readonly stores: PropertyStores,
  ) {}

  /** null in a timer run when the `timerRun.documentProperties` switch is off (context.ts). */
  getDocumentProperties(): GasProperties {
    if (absentInTimerRun(this.ctx, 'documentProperties')) return null as unknown as GasProperties;
    return new StandInProperties(this.ctx, this.stores.document) as unknown as GasProperties;
  }

  getUserProperties(): GasProperties {
    return new StandInProperties(this.ctx, this.stores.user) as unknown as GasProperties;
  }

  getScriptProperties(): GasProperties {
    return new StandInProperties(this.ctx, this.stores.script) as unknown as GasProperties;
  }
}

counted(StandInProperties, 'Properties', 'Properties', PROPERTIES_METHODS);
counted(StandInPropertiesService, 'PropertiesService', 'Properties', SERVICE_METHODS);
