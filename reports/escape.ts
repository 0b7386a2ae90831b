/**
 * Escaping of report text for each output format. Every string of a report model is plain
 * text; the renderers escape all of it, so no answer, label or region name can become markup.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @example escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c)
}

/**
 * One line: newlines, tabs and runs of spaces become one space (no-break spaces stay: French
 * numbers use them); control characters go.
 */
export function oneLine(text: string): string {
  // Bidi overrides are dropped too: they could make an answer display as something else.
  return text
    .replace(/[ \t\n\r\f\v\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim()
}

/**
 * Escapes text for Markdown (CommonMark / GFM) inline content: every punctuation character that
 * can open markup is backslash-escaped, so `<script>`, `[x](javascript:…)`, `*`, `_`, `|` and
 * entities stay text; a leading `-`, `+`, `=` or `1.` cannot start a list or heading. Newlines
 * become spaces (a report line is one paragraph or one table cell).
 * @example escapeMarkdown('[x](javascript:alert(1))') // '\\[x\\](javascript:alert(1))'
 */
export function escapeMarkdown(text: string): string {
  const escaped = oneLine(text).replace(/[\\`*_{}[\]<>|#~&!$^]/g, (c) => `\\${c}`)
  // Only the start of a line can open a block: a list item ("- ", "1. "), a thematic break or
  // a setext underline ("---", "==="). Figures such as "+1.25" or "3.5" start no block.
  if (/^[-=\s]+$/.test(escaped)) return escaped.replace(/[-=]/g, (c) => `\\${c}`)
  return escaped.replace(/^([-+])(?=\s|$)/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
}

/**
 * A link target we build ourselves (chart files): a relative path of `[A-Za-z0-9._/-]` with an
 * optional URL-encoded query, never a scheme such as `javascript:`; anything else is a
 * programming error.
 */
export function safeRelativePath(path: string): string {
  const file = path.split('?')[0] ?? ''
  if (!/^[A-Za-z0-9._/-]+(\?[A-Za-z0-9._~%=&-]*)?$/.test(path) || file.includes('..')) {
    throw new Error(`unsafe link target ${JSON.stringify(path)}`)
  }
  return path
}
