/** A small RFC 4180 reader, so importing needs no CSV package at run time. */

/** A CSV file that cannot be read; the message names the line. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError'
}

/**
 * Splits CSV text into records of fields. A leading byte-order mark is dropped; records end
 * with CRLF or LF; a quoted field may hold commas, doubled quotes and line breaks. A blank
 * line is a record with one empty field. `delimiter` is `,` unless given (KoboToolbox's own
 * CSV is separated by `;`).
 *
 * @example readCsv('a,b\r\n"x, y","say ""hi"""\r\n') // [['a', 'b'], ['x, y', 'say "hi"']]
 */
export function readCsv(text: string, delimiter: ',' | ';' = ','): string[][] {
  const sep = delimiter.charCodeAt(0)
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: string[][] = []
  let record: string[] = []
  let line = 1
  let i = 0
  const n = src.length
  if (n === 0) return records
  for (;;) {
    let field: string
    if (src[i] === '"') {
      const start = line
      let value = ''
      let from = i + 1
      for (;;) {
        const quote = src.indexOf('"', from)
        if (quote < 0) throw new CsvSyntaxError(`line ${start}: a quoted field is never closed`)
        const chunk = src.slice(from, quote)
        value += chunk
        line += countBreaks(chunk)
        if (src[quote + 1] === '"') {
          value += '"'
          from = quote + 2
          continue
        }
        i = quote + 1
        break
      }
      const next = src[i]
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(`line ${line}: text after a closing quote`)
      }
      field = value
    } else {
      let end = i
      while (end < n) {
        const c = src.charCodeAt(end)
        if (c === sep || c === 10 || c === 13) break
        if (c === 34) throw new CsvSyntaxError(`line ${line}: a quote inside an unquoted field`)
        end++
      }
      field = src.slice(i, end)
      i = end
    }
    record.push(field)
    if (i >= n) {
      records.push(record)
      return records
    }
    if (src[i] === delimiter) {
      i++
      continue
    }
    // A line break: CRLF, LF or a lone CR.
    i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1
    line++
    records.push(record)
    record = []
    if (i >= n) return records
  }
}

function countBreaks(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}
