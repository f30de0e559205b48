// Counts every call made on a stand-in service object as "Class.method" (e.g. "Range.getValues"), so the
// benchmark and tests can prove a use case makes a bounded number of Apps Script calls.
import { authRefusal } from './auth';
import type { StandInContext } from './context';

/** Service families, as Apps Script quota and latency see them. */
export type ServiceName =
  | 'Spreadsheet'
  | 'Ui'
  | 'Properties'
  | 'Lock'
  | 'Cache'
  | 'Mail'
  | 'Script'
  | 'Html'
  | 'Session'
  | 'Utilities'
  | 'Logger'
  | 'Charts';

export interface CallSnapshot {
  total: number;
  byService: Partial<Record<ServiceName, number>>;
  byMethod: Record<string, number>;
}

export class CallCounter {
  private readonly methods = new Map<string, number>();
  private readonly services = new Map<string, number>();
  private all = 0;

  count(service: ServiceName, name: string): void {
    this.all++;
    this.methods.set(name, (this.methods.get(name) ?? 0) + 1);
    this.services.set(service, (this.services.get(service) ?? 0) + 1);
  }

  /** All calls, or the calls of one service family (e.g. 'Spreadsheet': SpreadsheetApp, Sheet, Range, builders...). */
  total(service?: ServiceName): number {
    return service === undefined ? this.all : (this.services.get(service) ?? 0);
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.methods].sort(([a], [b]) => a.localeCompare(b)));
  }

  byService(): Partial<Record<ServiceName, number>> {
    return Object.fromEntries(this.services) as Partial<Record<ServiceName, number>>;
  }

  reset(): void {
    this.methods.clear();
    this.services.clear();
    this.all = 0;
  }

  snapshot(): CallSnapshot {
    return { total: this.all, byService: this.byService(), byMethod: this.byMethod() };
  }

  /** The calls made since `before` was taken. */
  since(before: CallSnapshot): CallSnapshot {
    const now = this.snapshot();
    const byMethod: Record<string, number> = {};
    for (const [name, n] of Object.entries(now.byMethod)) {
      const d = n - (before.byMethod[name] ?? 0);
      if (d > 0) byMethod[name] = d;
    }
    const byService: Partial<Record<ServiceName, number>> = {};
    for (const [name, n] of Object.entries(now.byService) as [ServiceName, number][]) {
      const d = n - (before.byService[name] ?? 0);
      if (d > 0) byService[name] = d;
    }
    return { total: now.total - before.total, byService, byMethod };
  }
}

/**
 * What a custom function may call (Sheets runs them without authorization): 'allow' everything,
 * 'readOnly' only get/is/has/can methods, 'deny' nothing.
 */
export type CustomFunctionPolicy = 'allow' | 'readOnly' | 'deny';

/** Anything counted reaches its stand-in through `ctx`. */
export interface HasContext {
  readonly ctx: StandInContext;
}

const READ_ONLY = /^(get[A-Z]|is[A-Z]|has[A-Z]|can[A-Z]|offset$)/;

/**
 * Wraps the listed prototype methods of a stand-in class once, at module load: each call is counted
 * and checked against the custom-function policy and the simple trigger's authorization mode (auth.ts). The same list types the class (`implements Pick<...>`),
 * so the counted set and the implemented set cannot drift apart.
 */
export function counted<T extends HasContext>(
  cls: abstract new (...args: never[]) => T,
  className: string,
  service: ServiceName,
  methods: readonly (keyof T & string)[],
  policy: CustomFunctionPolicy = 'allow',
): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const method of methods) {
    const original = proto[method];
    if (typeof original !== 'function')
      throw new Error(`${className}.${method} is listed but not implemented`);
    const name = `${className}.${method}`;
    const denied = policy === 'deny' || (policy === 'readOnly' && !READ_ONLY.test(method));
    proto[method] = function (this: T, ...args: unknown[]): unknown {
      const ctx = this.ctx;
      ctx.calls.count(service, name);
      if (denied && ctx.mode === 'customFunction')
        throw ctx.error(`You do not have permission to call ${name}`);
      const refusal = authRefusal(ctx.mode, service, name, ctx.behaviours);
      if (refusal !== null) throw ctx.error(refusal);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}
