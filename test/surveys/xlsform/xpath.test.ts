// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import { ConditionsParser, ExpressionRunner } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { parseXPath } from '../../../surveys/xlsform/xpath/parse.ts'
import { XPathSyntaxError } from '../../../surveys/xlsform/xpath/tokenize.ts'
import {
  type NameInfo,
  type TranslateContext,
  translateXPath,
} from '../../../surveys/xlsform/xpath/translate.ts'

const names = new Map<string, NameInfo>([
  ['age', { answer: 'value', repeats: [] }],
  ['a', { answer: 'value', repeats: [] }],
  ['b', { answer: 'value', repeats: [] }],
  ['c', { answer: 'value', repeats: [] }],
  ['d', { answer: 'value', repeats: [] }],
  ['dob', { answer: 'value', repeats: [], date: true }],
  ['x', { answer: 'value', repeats: [] }],
  ['s', { answer: 'value', repeats: [] }],
  ['phone', { answer: 'value', repeats: [] }],
  ['crops', { answer: 'list', repeats: [] }],
  ['sex', { answer: 'choice', repeats: [] }],
  ['intro', { answer: 'none', repeats: [] }],
  ['start', { answer: 'none', repeats: [], missing: 'is metadata Gapkit does not collect' }],
  ['loan', { answer: 'repeat', repeats: [] }],
  ['amount', { answer: 'value', repeats: ['loan'] }],
  ['lender', { answer: 'choice', repeats: ['loan'] }],
  ['payment', { answer: 'repeat', repeats: ['loan'] }],
  ['paid', { answer: 'value', repeats: ['loan', 'payment'] }],
])

const top: TranslateContext = { names, repeats: [], self: 'age' }
const inLoan: TranslateContext = { names, repeats: ['loan'], self: 'amount' }
const inPayment: TranslateContext = { names, repeats: ['loan', 'payment'], self: 'paid' }

function translated(xpath: string, ctx = top): string {
  const result = translateXPath(xpath, ctx)
  if (!result.ok) throw new Error(`${xpath}: ${result.reason}`)
  return result.expression
}

function evaluate(expression: string, values: Record<string, unknown>): unknown {
  return new ExpressionRunner(expression).runValues(values)
}

// today() as the text of the day, as ODK gives it.
const TODAY =
  "year(today()) + '-' + iif(month(today()) < 10, '0', '') + month(today()) + '-' + iif(day(today()) < 10, '0', '') + day(today())"

/** The local day as YYYY-MM-DD (what a date question holds). */
function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
}

// XPath as written in XLSForms, the SurveyJS expression expected, and what ODK gives for sample
// answers (checked by running the expression with survey-core).
const TABLE: [string, string, [Record<string, unknown>, unknown][]][] = [
  [
    '${age} >= 18',
    '{age} >= 18',
    [
      [{ age: 18 }, true],
      [{ age: 17 }, false],
      [{}, false],
    ],
  ],
  [
    "${age} >= 18 and selected(${crops}, 'maize')",
    "{age} >= 18 and {crops} contains 'maize'",
    [
      [{ age: 20, crops: ['maize', 'rice'] }, true],
      [{ age: 20, crops: ['rice'] }, false],
    ],
  ],
  // On a single choice selected() is equality: 'ff' does not hold the choice 'f'.
  [
    "selected(${sex}, 'f')",
    "{sex} = 'f'",
    [
      [{ sex: 'f' }, true],
      [{ sex: 'ff' }, false],
    ],
  ],
  [
    "not(selected(${crops}, 'maize'))",
    "!({crops} contains 'maize')",
    [
      [{ crops: ['rice'] }, true],
      [{ crops: ['maize'] }, false],
      [{}, true],
    ],
  ],
  [
    'count-selected(${crops}) >= 2',
    'count({crops}) >= 2',
    [
      [{ crops: ['a', 'b'] }, true],
      [{ crops: ['a'] }, false],
      [{}, false],
    ],
  ],
  [
    'string-length(${phone}) = 8',
    'iif({phone} empty, 0, {phone.length}) = 8',
    [
      [{ phone: '76123456' }, true],
      [{ phone: '7612' }, false],
      [{}, false],
    ],
  ],
  ['string-length(${phone}) = 0', 'iif({phone} empty, 0, {phone.length}) = 0', [[{}, true]]],
  [
    "${age} = ''",
    '{age} empty',
    [
      [{}, true],
      [{ age: 3 }, false],
    ],
  ],
  [
    "${crops} != ''",
    '{crops} notempty',
    [
      [{ crops: [] }, false],
      [{ crops: ['a'] }, true],
    ],
  ],
  ["'' = ${age}", '{age} empty', [[{}, true]]],
  [
    "if(${age} >= 18, 'adult', 'minor')",
    "iif({age} >= 18, 'adult', 'minor')",
    [
      [{ age: 30 }, 'adult'],
      [{ age: 3 }, 'minor'],
    ],
  ],
  ['${a} div ${b}', '{a} / {b}', [[{ a: 5, b: 2 }, 2.5]]],
  ['${a} mod ${b}', '{a} % {b}', [[{ a: 5, b: 2 }, 1]]],
  ['-${a} + 10', '0 - {a} + 10', [[{ a: 5 }, 5]]],
  ['${a} * -1', '{a} * -1', [[{ a: 5 }, -5]]],
  ['(${a} + ${b}) * 2', '({a} + {b}) * 2', [[{ a: 5, b: 2 }, 14]]],
  ['${a} - (${b} - 1)', '{a} - ({b} - 1)', [[{ a: 5, b: 2 }, 4]]],
  ['${a} - ${b} - 1', '{a} - {b} - 1', [[{ a: 5, b: 2 }, 2]]],
  [
    "${a} > 3 or ${b} < 1 and ${c} = 'x'",
    "{a} > 3 or {b} < 1 and {c} = 'x'",
    [
      [{ a: 1, b: 0, c: 'y' }, false],
      [{ a: 1, b: 0, c: 'x' }, true],
      [{ a: 4 }, true],
    ],
  ],
  [
    "(${a} > 3 or ${b} < 1) and ${c} = 'x'",
    "({a} > 3 or {b} < 1) and {c} = 'x'",
    [[{ a: 4, c: 'y' }, false]],
  ],
  [
    '. > 0 and . < 120',
    '{age} > 0 and {age} < 120',
    [
      [{ age: 50 }, true],
      [{ age: 130 }, false],
    ],
  ],
  [
    'today() >= ${d}',
    `${TODAY} >= {d}`,
    [
      [{ d: '2020-01-01' }, true],
      [{ d: '2999-01-01' }, false],
    ],
  ],
  [
    "${dob} - date('2020-01-01')",
    "iif({dob} < '2020-01-01', 0 - dateDiff('2020-01-01', {dob}, 'days'), dateDiff('2020-01-01', {dob}, 'days'))",
    [
      [{ dob: '2020-03-01' }, 60],
      [{ dob: '2019-12-31' }, -1],
      [{}, null],
    ],
  ],
  ["${d} < date('2024-05-01')", "{d} < '2024-05-01'", [[{ d: '2024-04-30' }, true]]],
  // Arithmetic on an unanswered question is NaN in ODK, so its comparison is false (true for
  // !=); SurveyJS would count the empty answer as 0.
  [
    '${a} - ${b} < 0',
    '{a} notempty and {b} notempty and {a} - {b} < 0',
    [
      [{ b: 5 }, false],
      [{ a: 2, b: 5 }, true],
      [{ a: 9, b: 5 }, false],
    ],
  ],
  [
    '${a} + ${b} != 3',
    '{a} empty or {b} empty or {a} + {b} != 3',
    [
      [{ a: 1 }, true],
      [{ a: 1, b: 2 }, false],
    ],
  ],
  [
    '${c} = 1 or int(${x} div 2) = 0',
    '{c} = 1 or {x} notempty and trunc({x} / 2) = 0',
    [
      [{}, false],
      [{ x: 1 }, true],
      [{ c: 1 }, true],
    ],
  ],
  ['not(-${x} < 0)', '!({x} notempty and 0 - {x} < 0)', [[{}, true]]],
  ['int(${x})', 'trunc({x})', [[{ x: 4.7 }, 4]]],
  ['round(${x}, 1)', 'round({x}, 1)', [[{ x: 4.76 }, 4.8]]],
  ['number(${s}) + 1', '{s} + 1', [[{ s: '41' }, 42]]],
  [
    'coalesce(${a}, 0)',
    'iif({a} notempty, {a}, 0)',
    [
      [{}, 0],
      [{ a: 3 }, 3],
    ],
  ],
  ['true() and not(false())', 'true and !(false)', [[{}, true]]],
  [
    'count(${loan}) > 1',
    'count({loan}) > 1',
    [
      [{ loan: [{}, {}] }, true],
      [{}, false],
    ],
  ],
  [
    'sum(${amount})',
    "sumInArray({loan}, 'amount')",
    [[{ loan: [{ amount: 2 }, { amount: 3 }] }, 5]],
  ],
  [
    'max(${amount})',
    "maxInArray({loan}, 'amount')",
    [[{ loan: [{ amount: 2 }, { amount: 3 }] }, 3]],
  ],
]

describe('XPath → SurveyJS expressions', () => {
  it.each(TABLE)('%s', (xpath, expected, samples) => {
    const expression = translated(xpath)
    expect(expression).toBe(expected)
    const parser = new ConditionsParser()
    expect(parser.parseExpression(expression), `SurveyJS cannot parse ${expression}`).not.toBeNull()
    for (const [values, result] of samples) {
      expect(evaluate(expression, values), JSON.stringify(values)).toEqual(result)
    }
  })

  it('gives today() as the day YYYY-MM-DD, which a calculate keeps and dates subtract from', () => {
    // A Date at local midnight would be kept as an instant in UTC: the day before, east of UTC.
    const day = localDay(new Date())
    expect(evaluate(translated('today()'), {})).toBe(day)
    expect(evaluate(translated('today() = ${d}'), { d: day })).toBe(true)
    expect(evaluate(translated('today() - ${dob}'), { dob: day })).toBe(0)
    const age = translated('int((today() - ${dob}) div 365.25)')
    const days = `dateDiff({dob}, ${TODAY}, 'days')`
    expect(age).toBe(`trunc(iif(${TODAY} < {dob}, 0 - ${days}, ${days}) / 365.25)`)
    // Born 3,000 days ago: 8 years by the XLSForm idiom (8.2), as in ODK.
    const now = new Date()
    const born = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 3000))
    expect(evaluate(translated('today() - ${dob}'), { dob: born })).toBe(3000)
    expect(evaluate(age, { dob: born })).toBe(8)
    // Not a date question: a plain subtraction.
    expect(translated('today() - ${d}')).toBe(`${TODAY} - {d}`)
  })

  it('reads a question of the same repeat as {panel.q}, of the repeat around as {parentPanel.q}', () => {
    expect(translated('${amount} > 0', inLoan)).toBe('{panel.amount} > 0')
    expect(translated(". > 0 and ${lender} = 'bank'", inLoan)).toBe(
      "{panel.amount} > 0 and {panel.lender} = 'bank'",
    )
    expect(translated('${paid} <= ${amount}', inPayment)).toBe(
      '{panel.paid} <= {parentPanel.amount}',
    )
    expect(translated('${age} >= 18', inLoan)).toBe('{age} >= 18')
    expect(translated('sum(${paid})', inLoan)).toBe("sumInArray({panel.payment}, 'paid')")
    expect(translated('position(..) = 1', inLoan)).toBe('{panelIndex} + 1 = 1')
  })

  it('says why an expression cannot be translated', () => {
    const reasons: [string, string][] = [
      [
        "pulldata('prices', 'price', 'item', ${x})",
        'the function pulldata() has no SurveyJS equivalent',
      ],
      ['/data/age > 3', 'the path "/data/age" is not supported: name questions as ${name}'],
      ['../age > 3', 'the path "../age" is not supported'],
      ['age > 3', '"age" is an XPath path, not a reference: write ${age}'],
      ['${nobody} = 1', '${nobody} names no question of the form'],
      ['${intro} = 1', '${intro} holds no answer'],
      ['${start} > 1', '${start} is metadata Gapkit does not collect'],
      ['${amount} > 0', '${amount} is inside the repeat "loan": read from outside it'],
      ['${a} | ${b}', 'the operator "|" is not supported'],
      ['${s} = "it\'s"', 'holds a quote'],
      ["concat(${a}, 'x')", 'the function concat() has no SurveyJS equivalent'],
      ['count(${age})', 'count() is translated for a repeat'],
      ['string-length(concat(${a}, ${b}))', 'string-length() is translated for a question'],
      ["regex(., '^[0-9]+$') and . > 3", 'the function regex() has no SurveyJS equivalent'],
      ['selected(${crops})', 'selected() takes 2 argument(s), not 1'],
      ['${age} >', 'not a valid expression: the expression ends too early (at character 9)'],
      ['(${a} + 1', 'not a valid expression: missing ")"'],
      ['${age', 'not a valid expression: "${" without its closing "}"'],
      ['${a} ? 1', 'not a valid expression: unexpected character "?" (at character 6)'],
    ]
    for (const [xpath, reason] of reasons) {
      const result = translateXPath(xpath, top)
      expect(result.ok, xpath).toBe(false)
      if (!result.ok) expect(result.reason, xpath).toContain(reason)
    }
    expect(translateXPath('. > 1', { names, repeats: [] })).toEqual({
      ok: false,
      reason: '"." (this question) has no meaning here',
    })
  })
})

describe('the XPath parser', () => {
  it('builds a tree with XPath precedence', () => {
    expect(parseXPath('1 + 2 * 3 = 7 and not(${a})')).toEqual({
      kind: 'binary',
      op: 'and',
      left: {
        kind: 'binary',
        op: '=',
        left: {
          kind: 'binary',
          op: '+',
          left: { kind: 'number', value: 1 },
          right: {
            kind: 'binary',
            op: '*',
            left: { kind: 'number', value: 2 },
            right: { kind: 'number', value: 3 },
          },
        },
        right: { kind: 'number', value: 7 },
      },
      right: { kind: 'call', name: 'not', args: [{ kind: 'ref', name: 'a' }] },
    })
  })

  it('tells operator names from question names by position', () => {
    expect(parseXPath('and and or')).toEqual({
      kind: 'binary',
      op: 'and',
      left: { kind: 'name', name: 'and' },
      right: { kind: 'name', name: 'or' },
    })
    expect(parseXPath('${a} div 2 mod 3')).toMatchObject({ op: 'mod', left: { op: 'div' } })
    expect(parseXPath('jr:choice-name(${a}, "${a}")')).toMatchObject({
      kind: 'call',
      name: 'jr:choice-name',
    })
  })

  it('keeps location paths as written, `.` as this question', () => {
    expect(parseXPath('.')).toEqual({ kind: 'self' })
    expect(parseXPath('/data/group/q[1]')).toEqual({ kind: 'path', text: '/data/group/q[1]' })
    expect(parseXPath('../sibling')).toEqual({ kind: 'path', text: '../sibling' })
    expect(parseXPath('position(..)')).toEqual({
      kind: 'call',
      name: 'position',
      args: [{ kind: 'path', text: '..' }],
    })
  })

  it('throws XPathSyntaxError with the position', () => {
    expect(() => parseXPath('1 +')).toThrow(XPathSyntaxError)
    expect(() => parseXPath("'open")).toThrow("text starting with ' is not closed")
    const at = (() => {
      try {
        parseXPath('${a} = = 1')
      } catch (error) {
        return (error as XPathSyntaxError).at
      }
    })()
    expect(at).toBe(7)
  })
})
