// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
/**
 * The tokens of the XPath that XLSForm columns hold (`relevant`, `constraint`, `calculation`,
 * `choice_filter`…), with XLSForm's `${name}` references as tokens of their own.
 */

export type Token =
  | { kind: 'number'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'ref'; text: string; at: number }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'end'; text: ''; at: number }

/** An expression that is not XPath; `at` is the character where reading stopped. */
export class XPathSyntaxError extends Error {
  override name = 'XPathSyntaxError'
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message)
  }
}

// Longest first, so that `<=` is not read as `<` then `=`.
const SYMBOLS = ['!=', '<=', '>=', '//', '..', '=', '<', '>', '+', '-', '*', '/', '|', '(', ')']
const MORE_SYMBOLS = [',', '[', ']', '@', '.']

const NAME_START = /[A-Za-z_]/
const NAME_PART = /[A-Za-z0-9_.:-]/

/**
 * Splits an expression into tokens. Names may hold `-`, `.` and `:` as in XPath
 * (`count-selected`, `jr:choice-name`); whether `and`, `div` or `*` is an operator is left to
 * the parser, which knows what came before.
 *
 * @example tokenize("${age} >= 18").map((t) => t.text) // ['age', '>=', '18', '']
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const ch = source[i] ?? ''
    if (/\s/.test(ch)) {
      i++
      continue
    }
    const read = readToken(source, i)
    tokens.push(read.token)
    i = read.next
  }
  tokens.push({ kind: 'end', text: '', at: source.length })
  return tokens
}

function readToken(source: string, i: number): { token: Token; next: number } {
  const ch = source[i] ?? ''
  if (source.startsWith('${', i)) return readRef(source, i)
  if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
    const match = /^[0-9]*\.?[0-9]*/.exec(source.slice(i))?.[0] ?? ch
    return { token: { kind: 'number', text: match, at: i }, next: i + match.length }
  }
  if (ch === "'" || ch === '"') return readString(source, i)
  if (NAME_START.test(ch)) {
    let end = i + 1
    while (end < source.length && NAME_PART.test(source[end] ?? '')) end++
    // A name does not end in `.` or `-`: `a.` is the name `a` then a step.
    while (end > i + 1 && /[.-]/.test(source[end - 1] ?? '')) end--
    return { token: { kind: 'name', text: source.slice(i, end), at: i }, next: end }
  }
  const symbol = [...SYMBOLS, ...MORE_SYMBOLS].find((s) => source.startsWith(s, i))
  if (symbol) return { token: { kind: 'op', text: symbol, at: i }, next: i + symbol.length }
  throw new XPathSyntaxError(`unexpected character "${ch}"`, i)
}

function readRef(source: string, i: number): { token: Token; next: number } {
  const close = source.indexOf('}', i)
  if (close < 0) throw new XPathSyntaxError('"${" without its closing "}"', i)
  const name = source.slice(i + 2, close).trim()
  if (!name) throw new XPathSyntaxError('"${}" names no question', i)
  return { token: { kind: 'ref', text: name, at: i }, next: close + 1 }
}

function readString(source: string, i: number): { token: Token; next: number } {
  const quote = source[i] ?? ''
  const close = source.indexOf(quote, i + 1)
  if (close < 0) throw new XPathSyntaxError(`text starting with ${quote} is not closed`, i)
  return { token: { kind: 'string', text: source.slice(i + 1, close), at: i }, next: close + 1 }
}
