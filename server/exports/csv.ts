/**
 * The CSV export: UTF-8 with a byte-order mark (so Excel reads accents right), CRLF line ends,
 * RFC 4180 quoting, one row per response, metadata columns first.
 */
import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { streamResponses } from '../db/repositories/response-stream.ts'
import type { Database } from '../db/schema.ts'
import { csvField } from './cells.ts'
import { finish, TextWriter } from './output.ts'
import { type ExportPlan, flatHeader, flatRow } from './plan.ts'

/** Writes the CSV export to `out` and ends it; returns the number of responses written. */
export async function writeCsv(
  db: Kysely<Database>,
  plan: ExportPlan,
  out: Writable,
  onProgress?: (written: number) => void,
): Promise<number> {
  const writer = new TextWriter(out)
  await writer.write(`\uFEFF${flatHeader(plan).map(csvField).join(',')}\r\n`)
  let written = 0
  for await (const page of streamResponses(db, plan.filter)) {
    for (const row of page) {
      await writer.write(`${flatRow(plan, row).map(csvField).join(',')}\r\n`)
    }
    written += page.length
    onProgress?.(written)
  }
  await writer.flush()
  await finish(out)
  return written
}
