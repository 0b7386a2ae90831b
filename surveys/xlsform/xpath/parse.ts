/**
 * A recursive-descent parser for the XPath 1.0 of XLSForm columns, to a small syntax tree.
 * Precedence, loosest first: `or`, `and`, `=` `!=`, `<` `<=` `>` `>=`, `+` `-`, `*` `div` `mod`,
 * unary `-`, `|`. Location paths (`/data/q`, `../q`, `q[1]`) are kept as their text: the
 * translator reports them, since XLSForm writes references as `${q}`.
 */
import { type Token, tokenize, XPathSyntaxError } from './tokenize.ts'

export type BinaryOp =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | 'div'
  | 'mod'
  | '|'

/** A node of an XPath syntax tree. */
export type XPathNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  /** `${name}` */
  | { kind: 'ref'; name: string }
  /** `.`: the question the expression belongs to. */
  | { kind: 'self' }
  /** A bare name: a column of the choices sheet in a `choice_filter`, else a relative path. */
  | { kind: 'name'; name: string }
  /** Any other location path, as written. */
  | { kind: 'path'; text: string }
  | { kind: 'negate'; operand: XPathNode }
  | { kind: 'binary'; op: BinaryOp; left: XPathNode; right: XPathNode }
  | { kind: 'call'; name: string; args: XPathNode[] }

const LEVELS: readonly (readonly string[])[] = [
  ['or'],
  ['and'],
  ['=', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', 'div', 'mod'],
]

/**
 * Parses one expression; throws `XPathSyntaxError` (with the position) when it is not XPath.
 *
 * @example parseXPath("selected(${crops}, 'maize') and ${age} > 17")
 * // { kind: 'binary', op: 'and', left: { kind: 'call', name: 'selected', … }, right: … }
 */
export function parseXPath(source: string): XPathNode {
  const parser = new Parser(source, tokenize(source))
  const node = parser.expression()
  parser.expectEnd()
  return node
}

class Parser {
  private i = 0

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  expression(): XPathNode {
    return this.binary(0)
  }

  expectEnd(): void {
    const t = this.peek()
    if (t.kind !== 'end') throw new XPathSyntaxError(`unexpected "${t.text}"`, t.at)
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token
  }

  private next(): Token {
    const t = this.peek()
    this.i++
    return t
  }

  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset)
    return t.kind === 'op' && t.text === text
  }

  private expect(text: string): void {
    const t = this.next()
    if (t.kind !== 'op' || t.text !== text) {
      throw new XPathSyntaxError(
        t.kind === 'end' ? `missing "${text}"` : `expected "${text}"`,
        t.at,
      )
    }
  }

  // An operator in operator position: a symbol, or one of the operator names (`and`, `div`…).
  private operatorAt(level: readonly string[]): BinaryOp | null {
    const t = this.peek()
    const isOperator = t.kind === 'op' || (t.kind === 'name' && /^(and|or|div|mod)$/.test(t.text))
    return isOperator && level.includes(t.text) ? (t.text as BinaryOp) : null
  }

  private binary(depth: number): XPathNode {
    const level = LEVELS[depth]
    if (!level) return this.unary()
    let left = this.binary(depth + 1)
    for (let op = this.operatorAt(level); op; op = this.operatorAt(level)) {
      this.next()
      left = { kind: 'binary', op, left, right: this.binary(depth + 1) }
    }
    return left
  }

  private unary(): XPathNode {
    if (this.isOp('-')) {
      this.next()
      return { kind: 'negate', operand: this.unary() }
    }
    let left = this.primary()
    while (this.isOp('|')) {
      this.next()
      left = { kind: 'binary', op: '|', left, right: this.primary() }
    }
    return left
  }

  private primary(): XPathNode {
    const t = this.peek()
    if (t.kind === 'number') {
      this.next()
      return { kind: 'number', value: Number(t.text) }
    }
    if (t.kind === 'string') {
      this.next()
      return { kind: 'string', value: t.text }
    }
    if (t.kind === 'ref') {
      this.next()
      return { kind: 'ref', name: t.text }
    }
    if (this.isOp('(')) {
      this.next()
      const inner = this.expression()
      this.expect(')')
      return inner
    }
    if (t.kind === 'name' && this.isOp('(', 1)) return this.call()
    if (t.kind === 'end') throw new XPathSyntaxError('the expression ends too early', t.at)
    return this.path()
  }

  private call(): XPathNode {
    const name = this.next().text
    this.expect('(')
    const args: XPathNode[] = []
    if (!this.isOp(')')) {
      args.push(this.expression())
      while (this.isOp(',')) {
        this.next()
        args.push(this.expression())
      }
    }
    this.expect(')')
    return { kind: 'call', name, args }
  }

  // A location path: steps (a name, `.`, `..`, `@name`, `*`) with predicates, joined by `/`.
  private path(): XPathNode {
    const start = this.peek().at
    let steps = 0
    let plain = true
    if (this.isOp('/') || this.isOp('//')) {
      this.next()
      plain = false
      if (!this.startsStep()) return this.pathNode(start, steps, plain)
    }
    for (;;) {
      this.step()
      steps++
      while (this.isOp('[')) {
        plain = false
        this.next()
        this.expression()
        this.expect(']')
      }
      if (!this.isOp('/') && !this.isOp('//')) break
      this.next()
      plain = false
    }
    return this.pathNode(start, steps, plain)
  }

  private startsStep(): boolean {
    const t = this.peek()
    return t.kind === 'name' || (t.kind === 'op' && ['.', '..', '@', '*'].includes(t.text))
  }

  private step(): void {
    const t = this.next()
    if (t.kind === 'name') return
    if (t.kind === 'op' && (t.text === '.' || t.text === '..' || t.text === '*')) return
    if (t.kind === 'op' && t.text === '@') {
      const attribute = this.next()
      if (attribute.kind === 'name' || (attribute.kind === 'op' && attribute.text === '*')) return
    }
    throw new XPathSyntaxError(`unexpected "${t.text}"`, t.at)
  }

  private pathNode(start: number, steps: number, plain: boolean): XPathNode {
    const text = this.source.slice(start, this.peek().at).trim()
    if (plain && steps === 1 && text === '.') return { kind: 'self' }
    if (plain && steps === 1 && /^[A-Za-z_]/.test(text)) return { kind: 'name', name: text }
    return { kind: 'path', text }
  }
}
