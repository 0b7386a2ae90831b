/**
 * The `type` column of the survey sheet, read into what the converter does with the row: a
 * group or repeat boundary, a question Gapkit asks as such, a question it asks as a text in
 * place of what it cannot record, metadata it does not collect, or an unknown type.
 */

export type SimpleType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'time'
  | 'datetime'
  | 'range'
  | 'acknowledge'
  | 'note'
  | 'calculate'

/** What Gapkit asks in place of a type it cannot record. */
export type StandIn = 'location' | 'media' | 'barcode'

export type RowType =
  | { kind: 'begin'; container: 'group' | 'repeat' }
  | { kind: 'end'; container: 'group' | 'repeat' }
  | {
      kind: 'select'
      /** `one` select_one, `multiple` select_multiple, `rank` rank. */
      mode: 'one' | 'multiple' | 'rank'
      list: string
      fromFile: boolean
      orOther: boolean
    }
  | { kind: 'simple'; type: SimpleType }
  | { kind: 'stand-in'; type: string; standIn: StandIn }
  | { kind: 'metadata'; type: string }
  | { kind: 'dropped'; type: string; reason: string }
  | { kind: 'unknown'; type: string }

const SIMPLE: Record<string, SimpleType> = {
  text: 'text',
  string: 'text',
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  date: 'date',
  time: 'time',
  datetime: 'datetime',
  range: 'range',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  note: 'note',
  calculate: 'calculate',
}

const STAND_INS: Record<string, StandIn> = {
  geopoint: 'location',
  gps: 'location',
  location: 'location',
  geotrace: 'location',
  geoshape: 'location',
  image: 'media',
  photo: 'media',
  audio: 'media',
  video: 'media',
  file: 'media',
  barcode: 'barcode',
}

/** XLSForm's metadata row types, which the converter leaves out (the device fills them). */
export const METADATA_TYPES: ReadonlySet<string> = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
  'background-geopoint',
])

const DROPPED: Record<string, string> = {
  hidden: 'a hidden field has no SurveyJS equivalent in Gapkit; no question was made',
  'xml-external': 'external XML data is not supported; no question was made',
  'csv-external': 'external CSV data is not supported; no question was made',
}

const SELECT =
  /^(select_one|select one|select_multiple|select multiple|rank)(_from_file)?\s+(\S+)(\s+or_other)?$/i

/**
 * Reads a `type` cell.
 *
 * @example readRowType('select_one yes_no') // { kind: 'select', mode: 'one', list: 'yes_no', … }
 * @example readRowType('begin group') // { kind: 'begin', container: 'group' }
 */
export function readRowType(cell: string): RowType {
  const text = cell.trim().replace(/\s+/g, ' ')
  const select = SELECT.exec(text)
  if (select) {
    const word = (select[1] ?? '').toLowerCase().replace(' ', '_')
    return {
      kind: 'select',
      mode: word === 'rank' ? 'rank' : word === 'select_one' ? 'one' : 'multiple',
      list: select[3] ?? '',
      fromFile: Boolean(select[2]),
      orOther: Boolean(select[4]),
    }
  }
  const word = text.toLowerCase()
  const boundary = /^(begin|end)[ _](group|repeat)$/.exec(word)
  if (boundary) {
    return {
      kind: boundary[1] === 'begin' ? 'begin' : 'end',
      container: boundary[2] === 'group' ? 'group' : 'repeat',
    }
  }
  const simple = SIMPLE[word]
  if (simple) return { kind: 'simple', type: simple }
  const standIn = STAND_INS[word]
  if (standIn) return { kind: 'stand-in', type: word, standIn }
  if (METADATA_TYPES.has(word)) return { kind: 'metadata', type: word }
  const dropped = DROPPED[word]
  if (dropped) return { kind: 'dropped', type: word, reason: dropped }
  return { kind: 'unknown', type: text }
}
