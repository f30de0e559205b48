// LockService. JavaScript here runs one execution at a time, so "another execution holds the lock" is
// simulated through LockHooks: tryLock then returns false and waitLock throws, as in Apps Script when the
// other execution does not finish within the timeout. `asAnotherExecution(fn)` runs fn as a second
// execution in the middle of the current one (between two of its steps): locks the first one holds are
// held by another execution for it, and since the first cannot go on while fn runs, fn's waits time out.
// https://developers.google.com/apps-script/reference/lock/lock (tryLock: "Attempts to acquire the lock,
// timing out after the provided number of milliseconds"; a lock belongs to the execution that took it).
import { absentInTimerRun, type StandInContext } from './context';
import { counted } from './counter';

type GasLock = GoogleAppsScript.Lock.Lock;
type GasLockService = GoogleAppsScript.Lock.LockService;

export type LockScope = 'document' | 'script' | 'user';

interface LockState {
  /** Held by this execution, by another (simulated) execution, or free. Locks belong to executions, not Lock objects. */
  holder: 'self' | 'other' | null;
  /** For 'self': which of the nested executions (asAnotherExecution) holds it; 0 is the outermost. */
  execution: number;
  /** When another execution holds it: the wait after which it lets go (Infinity: never). */
  otherReleasesAfterMs: number;
}

export interface LockHooks {
  /** Simulates another execution holding the lock; it lets go after `releaseAfterMs` of waiting, if given. */
  hold(scope: LockScope, options?: { releaseAfterMs?: number }): void;
  holdDocumentLock(options?: { releaseAfterMs?: number }): void;
  holdScriptLock(options?: { releaseAfterMs?: number }): void;
  holdUserLock(options?: { releaseAfterMs?: number }): void;
  /** The other execution finishes. */
  release(scope?: LockScope): void;
  /** Who holds a lock now. */
  holder(scope: LockScope): 'this execution' | 'another execution' | null;
  /** Ends the current execution: every lock it still holds is released (Apps Script does this). */
  endExecution(): void;
  /** Waits the stand-in performed (ms), for assertions. */
  readonly waits: number[];
  /**
   * Runs fn as another execution that starts while the current one is between two steps; the locks the
   * current one holds are another execution's for fn. Locks fn takes are released when it returns.
   */
  asAnotherExecution<T>(fn: () => T): T;
}

export class LockTable implements LockHooks {
  private readonly states: Record<LockScope, LockState> = {
    document: { holder: null, execution: 0, otherReleasesAfterMs: Infinity },
    script: { holder: null, execution: 0, otherReleasesAfterMs: Infinity },
    user: { holder: null, execution: 0, otherReleasesAfterMs: Infinity },
  };
  readonly waits: number[] = [];
  /** The executions running, outermost first (ids). */
  private readonly running: number[] = [0];
  private nextExecution = 1;

  /** The execution running now. */
  current(): number {
    return this.running[this.running.length - 1]!;
  }

  asAnotherExecution<T>(fn: () => T): T {
    const id = this.nextExecution++;
    this.running.push(id);
    try {
      return fn();
    } finally {
      for (const s of ['document', 'script', 'user'] as const) {
        const st = this.states[s];
        if (st.holder === 'self' && st.execution === id) st.holder = null;
      }
      this.running.pop();
    }
  }

  state(scope: LockScope): LockState {
    return this.states[scope];
  }

  hold(scope: LockScope, options: { releaseAfterMs?: number } = {}): void {
    this.states[scope] = {
      holder: 'other',
      execution: 0,
      otherReleasesAfterMs: options.releaseAfterMs ?? Infinity,
    };
  }

  holdDocumentLock(options?: { releaseAfterMs?: number }): void {
    this.hold('document', options);
  }

  holdScriptLock(options?: { releaseAfterMs?: number }): void {
    this.hold('script', options);
  }

  holdUserLock(options?: { releaseAfterMs?: number }): void {
    this.hold('user', options);
  }

  release(scope?: LockScope): void {
    for (const s of scope ? [scope] : (['document', 'script', 'user'] as const)) {
      if (this.states[s].holder === 'other')
        this.states[s] = { holder: null, execution: 0, otherReleasesAfterMs: Infinity };
    }
  }

  holder(scope: LockScope): 'this execution' | 'another execution' | null {
    const st = this.states[scope];
    if (st.holder === null) return null;
    return st.holder === 'self' && st.execution === this.current() ? 'this execution' : 'another execution';
  }

  endExecution(): void {
    for (const s of ['document', 'script', 'user'] as const) {
      const st = this.states[s];
      if (st.holder === 'self' && st.execution === this.current()) st.holder = null;
    }
  }
}

const LOCK_METHODS = ['hasLock', 'releaseLock', 'tryLock', 'waitLock'] as const;

export class StandInLock implements Pick<GasLock, (typeof LOCK_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    private readonly table: LockTable,
    private readonly scope: LockScope,
  ) {}

  private acquire(timeoutInMillis: number): boolean {
    const state = this.table.state(this.scope);
    const me = this.table.current();
    if (state.holder === 'self' && state.execution === me) return true;
    if (state.holder === 'self') {
      // An outer execution holds it and cannot finish while this one waits: the wait times out.
      this.table.waits.push(timeoutInMillis);
      return false;
    }
    if (state.holder === 'other') {
      const waited = Math.min(timeoutInMillis, state.otherReleasesAfterMs);
      this.table.waits.push(waited);
      if (state.otherReleasesAfterMs > timeoutInMillis) return false;
    }
    state.holder = 'self';
    state.execution = me;
    state.otherReleasesAfterMs = Infinity;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.acquire(timeoutInMillis))
      throw this.ctx.error('Lock timeout: another process was holding the lock for too long.');
  }

  hasLock(): boolean {
    const state = this.table.state(this.scope);
    return state.holder === 'self' && state.execution === this.table.current();
  }

  releaseLock(): void {
    const state = this.table.state(this.scope);
    if (state.holder === 'self' && state.execution === this.table.current()) state.holder = null;
  }
}

const SERVICE_METHODS = ['getDocumentLock', 'getScriptLock', 'getUserLock'] as const;

export class StandInLockService implements Pick<GasLockService, (typeof SERVICE_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    private readonly table: LockTable,
  ) {}

  /** null in a timer run when the `timerRun.documentLock` switch is off (context.ts). */
  getDocumentLock(): GasLock {
    if (absentInTimerRun(this.ctx, 'documentLock')) return null as unknown as GasLock;
    return new StandInLock(this.ctx, this.table, 'document') as unknown as GasLock;
  }

  getScriptLock(): GasLock {
    return new StandInLock(this.ctx, this.table, 'script') as unknown as GasLock;
  }

  getUserLock(): GasLock {
    return new StandInLock(this.ctx, this.table, 'user') as unknown as GasLock;
  }
}

counted(StandInLock, 'Lock', 'Lock', LOCK_METHODS);
counted(StandInLockService, 'LockService', 'Lock', SERVICE_METHODS);
