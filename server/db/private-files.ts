/**
 * Files that hold respondents' answers are readable by their owner only (mode 0600): the
 * database with its WAL and shared-memory files, backups, and exports written by the command
 * line. SQLite creates the WAL and SHM files with the database file's own permissions, so a
 * database created private stays private; an older one is narrowed when it is opened.
 */
import fs from 'node:fs'

/** Owner read and write, nobody else. */
export const PRIVATE_MODE = 0o600

/**
 * Narrows an existing file to 0600 when group or others have any access; false if absent. A
 * file of another user (EPERM) keeps the mode its owner chose.
 */
export function narrowToPrivate(file: string): boolean {
  let mode: number
  try {
    mode = fs.statSync(file).mode
  } catch {
    return false
  }
  if ((mode & 0o077) === 0) return true
  try {
    fs.chmodSync(file, PRIVATE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error
  }
  return true
}

/**
 * Makes sure `file` exists with mode 0600: created empty when absent (an empty file is a valid
 * new SQLite database), narrowed when present.
 */
export function ensurePrivateFile(file: string): void {
  if (narrowToPrivate(file)) return
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_MODE))
  } catch (error) {
    // Created meanwhile by someone else: narrow theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    narrowToPrivate(file)
  }
  // The process umask can only remove bits from 0600; this states the mode whatever it was.
  fs.chmodSync(file, PRIVATE_MODE)
}

/** A SQLite database file and its companions (`-wal`, `-shm`, `-journal`), made private. */
export function privateDatabase(file: string): void {
  ensurePrivateFile(file)
  for (const suffix of ['-wal', '-shm', '-journal']) narrowToPrivate(`${file}${suffix}`)
}
