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

/**
 * Thrown when there is no document lock at all: LockService.getDocumentLock() returns null "outside the
 * context of a containing document" (https://developers.google.com/apps-script/reference/lock/lock-service),
 * which a timer run of a published add-on may be. Unlike BusyError it is a failure to record, not a wait.
 */
export class NoDocumentLockError extends Error {
  constructor() {
    super(
      'Không có khóa tài liệu (LockService.getDocumentLock() trả về null): lần chạy này không gắn với bảng tính, nên không ghi gì.',
    );
    this.name = 'NoDocumentLockError';
  }
}

/** How long a user action waits for the lock before giving up. */
export const LOCK_WAIT_MS = 10000;

/**
 * Runs `fn` holding the document lock. Waits up to `waitMs`, then throws BusyError without running `fn`.
 * Without a document (a lock service that returns null) it refuses with NoDocumentLockError: writing
 * unlocked is never safe.
 */
export function withDocumentLock<T>(fn: () => T, waitMs: number = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new NoDocumentLockError();
  if (!lock.tryLock(waitMs)) throw new BusyError();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
