// How a local command ends: exit 0 when it did its work; a problem with what the user gave (option, file,
// settings) is one Vietnamese line on stderr and exit 2 (design.md, "Local run without Google"); anything
// else is one line and exit 1. No stack trace reaches a commune clerk; CCHC_DEBUG=1 prints it for a developer.
import { InputError } from '../demo/loadSheet';

/** One line: a library's multi-line message folded, an "Error: " prefix dropped. */
export function oneLine(message: string): string {
  return message
    .replace(/^\s*(Error|Exception):\s*/i, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * Why a file or folder the user named cannot be read, as a Vietnamese phrase (EACCES, ENOENT… in words; the
 * system's code only for a failure with no plainer reason).
 */
export function fileSystemReason(error: unknown, what: 'tệp' | 'thư mục'): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return `không có quyền đọc ${what}`;
  if (code === 'ENOENT') return `không tìm thấy ${what}`;
  if (code === 'EISDIR') return 'đây là thư mục, không phải tệp';
  if (code === 'ENOTDIR') return 'một phần của đường dẫn là tệp, không phải thư mục';
  if (code) return `lỗi hệ thống tệp ${code}`;
  return `nội dung không đọc được (${oneLine(String((error as Error)?.message ?? error))})`;
}

/** A file system failure (EACCES, EIO…) while reading what the user named, as one Vietnamese reason. */
export function unreadable(path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  return new InputError(`Không đọc được "${path}": ${fileSystemReason(error, 'tệp')}.`);
}

/** The line and exit code for an error thrown by a command. */
export function describeFailure(error: unknown): { line: string; code: number } {
  if (error instanceof InputError) return { line: `Lỗi: ${oneLine(error.message)}`, code: error.exitCode };
  const message = error instanceof Error ? error.message : String(error);
  return {
    line: `Lỗi không mong đợi: ${oneLine(message)} (chạy lại với CCHC_DEBUG=1 để xem chi tiết).`,
    code: 1,
  };
}

export interface CommandIo {
  error(line: string): void;
  debug(error: unknown): void;
}

const CONSOLE: CommandIo = {
  error: (line) => console.error(line),
  debug: (error) => {
    if (process.env.CCHC_DEBUG) console.error(error);
  },
};

/** Runs a command's body; every failure becomes one stderr line. Resolves to the exit code. */
export async function runCommand(body: () => Promise<number>, io: CommandIo = CONSOLE): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const { line, code } = describeFailure(error);
    io.error(line);
    io.debug(error);
    return code;
  }
}

/** The process's end: runs the command and sets the exit code (the process ends when its work is done). */
export function exitWith(body: () => Promise<number>): void {
  void runCommand(body).then((code) => {
    process.exitCode = code;
  });
}
