/**
 * Zip files that do not depend on the clock: every entry has the same date, so the same files
 * in the same order give the same bytes (the DOCX container and the report zip).
 */
import { type ZipOptions, zipSync } from 'fflate'

/**
 * A zip of `files` (path → bytes) in the order given, deflated (a .docx stored as it is),
 * every entry dated 2000-01-01 00:00.
 * @example zipFiles([['report.md', bytes], ['charts/a.svg', svg]])
 */
export function zipFiles(files: Iterable<readonly [string, Uint8Array]>): Uint8Array {
  // Zip dates are local time, and fflate reads the local fields of the Date: made from local
  // fields at each call, the date gives the same bytes in every time zone.
  const mtime = new Date(2000, 0, 1, 0, 0, 0)
  const entries: Record<string, [Uint8Array, ZipOptions]> = {}
  for (const [name, data] of files) {
    // A Word file is a zip already: deflating it again costs half a second and saves nothing.
    entries[name] = [data, { level: /\.docx$/.test(name) ? 0 : 6, mtime }]
  }
  return zipSync(entries)
}
