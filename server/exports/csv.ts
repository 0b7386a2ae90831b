/**
 * The CSV export: UTF-8 with a byte-order mark (so Excel reads accents right), CRLF line ends,
 * RFC 4180 quoting, one row per response, metadata columns first. Separated by commas, or by
 * semicolons with decimal commas for Excel in French, Italian, Romanian, Slovenian and Swedish.
 * With Kobo-style headers it is Kobo's main sheet: repeats are in the XLSX export only.
 */
import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { streamResponses } from '../db/repositories/response-stream.ts'
import type { Database } from '../db/schema.ts'
import { type Cell, csvField, semicolonCsvField } from './cells.ts'
import { finish, TextWriter } from './output.ts'
import { type ExportPlan, flatHeader, flatRow } from './plan.ts'

/** Writes the CSV export to `out` and ends it; returns the number of responses written. */
export async function writeCsv(
  db: Kysely<Database>,
  plan: ExportPlan,
  out: Writable,
  onProgress?: (written: number) => void,
  delimiter: ',' | ';' = ',',
): Promise<number> {
  const writer = new TextWriter(out)
  const field = delimiter === ';' ? semicolonCsvField : csvField
  const line = (cells: Cell[]) => cells.map(field).join(delimiter)
  await writer.write(`\uFEFF${line(flatHeader(plan))}\r\n`)
  let written = 0
  for await (const page of streamResponses(db, plan.filter)) {
    for (const [i, row] of page.entries()) {
      await writer.write(`${line(flatRow(plan, row, written + i + 1))}\r\n`)
    }
    written += page.length
    onProgress?.(written)
  }
  await writer.flush()
  await finish(out)
  return written
}
