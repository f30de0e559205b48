// One document lock around every write, so two people (or a trigger and a person) never interleave writes to
// the criteria sheet. The lock is always released, even when the work throws.

/** Thrown when another run holds the document lock; its message is shown to the user as is. */
export class BusyError extends Error {
  constructor() {
    super(
      'Bảng tính đang được một thao tác khác cập nhật (người khác hoặc tác vụ tự động). Vui lòng thử lại sau ít giây.',
    );
    this.name = 'BusyError';
  }
}

/** How long a user action waits for the lock before giving up. */
export const LOCK_WAIT_MS = 10000;

/**
 * Runs `fn` holding the document lock. Waits up to `waitMs`, then throws BusyError without running `fn`.
 * Without a document (a lock service that returns null) it refuses too: writing unlocked is never safe.
 */
export function withDocumentLock<T>(fn: () => T, waitMs: number = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) throw new BusyError();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
