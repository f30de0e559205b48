// LockService. JavaScript here runs one execution at a time, so "another execution holds the lock" is
// simulated through LockHooks: tryLock then returns false and waitLock throws, as in Apps Script when the
// other execution does not finish within the timeout.
import { absentInTimerRun, type StandInContext } from './context';
import { counted } from './counter';

type GasLock = GoogleAppsScript.Lock.Lock;
type GasLockService = GoogleAppsScript.Lock.LockService;

export type LockScope = 'document' | 'script' | 'user';

interface LockState {
  /** Held by this execution, by another (simulated) execution, or free. Locks belong to executions, not Lock objects. */
  holder: 'self' | 'other' | null;
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
}

export class LockTable implements LockHooks {
  private readonly states: Record<LockScope, LockState> = {
    document: { holder: null, otherReleasesAfterMs: Infinity },
    script: { holder: null, otherReleasesAfterMs: Infinity },
    user: { holder: null, otherReleasesAfterMs: Infinity },
  };
  readonly waits: number[] = [];

  state(scope: LockScope): LockState {
    return this.states[scope];
  }

  hold(scope: LockScope, options: { releaseAfterMs?: number } = {}): void {
    this.states[scope] = { holder: 'other', otherReleasesAfterMs: options.releaseAfterMs ?? Infinity };
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
        this.states[s] = { holder: null, otherReleasesAfterMs: Infinity };
    }
  }

  holder(scope: LockScope): 'this execution' | 'another execution' | null {
    const h = this.states[scope].holder;
    return h === null ? null : h === 'other' ? 'another execution' : 'this execution';
  }

  endExecution(): void {
    for (const s of ['document', 'script', 'user'] as const) {
      if (this.states[s].holder === 'self') this.states[s].holder = null;
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
    if (state.holder === 'self') return true;
    if (state.holder === 'other') {
      const waited = Math.min(timeoutInMillis, state.otherReleasesAfterMs);
      this.table.waits.push(waited);
      if (state.otherReleasesAfterMs > timeoutInMillis) return false;
    }
    state.holder = 'self';
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
    return this.table.state(this.scope).holder === 'self';
  }

  releaseLock(): void {
    const state = this.table.state(this.scope);
    if (state.holder === 'self') state.holder = null;
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
