/**
 * XLSForm column headers: the column (`label`, `constraint_message`, `media::image`) and the
 * language of a translated column (`label::French (fr)` → `French (fr)`), with the older
 * spellings pyxform still reads (`jr:constraintMsg`, `list name`, `image`).
 */

/** A header read: its column in canonical spelling, and its language, if any. */
export interface Header {
  /** As written in the sheet. */
  header: string
  column: string
  /** The text after `::` (`French (fr)`, `fr`), or null for an untranslated column. */
  language: string | null
}

const ALIASES: Record<string, string> = {
  'constraint message': 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  'required message': 'required_message',
  'jr:requiredmsg': 'required_message',
  'jr:count': 'repeat_count',
  'repeat count': 'repeat_count',
  'choice filter': 'choice_filter',
  'list name': 'list_name',
  'guidance hint': 'guidance_hint',
  'read only': 'read_only',
  id_string: 'form_id',
  'form title': 'form_title',
  'form id': 'form_id',
  'default language': 'default_language',
  image: 'media::image',
  'big-image': 'media::big-image',
  audio: 'media::audio',
  video: 'media::video',
}

/**
 * Reads a header.
 *
 * @example
 * readHeader('label::Français (fr)') // { header: …, column: 'label', language: 'Français (fr)' }
 * readHeader('media::image::fr') // { header: …, column: 'media::image', language: 'fr' }
 */
export function readHeader(header: string): Header {
  const parts = header.split('::').map((p) => p.trim())
  const first = (parts[0] ?? '').toLowerCase()
  const isMedia = first === 'media' && parts.length > 1
  const base = isMedia ? `media::${(parts[1] ?? '').toLowerCase()}` : first
  const rest = parts.slice(isMedia ? 2 : 1).join('::')
  const column = ALIASES[base] ?? base
  return { header, column, language: rest === '' ? null : rest }
}

/** The cells of one row by column: untranslated text, and text per language. */
export interface RowColumns {
  /** Column → the untranslated cell. */
  plain: Map<string, { header: string; text: string }>
  /** Column → language → the cell. */
  translated: Map<string, Map<string, { header: string; text: string }>>
}

/** Sorts a row's cells by column and language. */
export function readColumns(cells: Map<string, string>): RowColumns {
  const plain: RowColumns['plain'] = new Map()
  const translated: RowColumns['translated'] = new Map()
  for (const [header, text] of cells) {
    const { column, language } = readHeader(header)
    if (language === null) {
      plain.set(column, { header, text })
      continue
    }
    const byLanguage = translated.get(column) ?? new Map()
    byLanguage.set(language, { header, text })
    translated.set(column, byLanguage)
  }
  return { plain, translated }
}
