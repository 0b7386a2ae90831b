/**
 * Checks every questionnaire in `surveys/definitions/`: survey-core loads it without errors,
 * it matches survey-core's own JSON schema, the `gapkit` paths resolve, every localizable
 * string has every language of the file, names and codes are unique. The questionnaires
 * written alongside this test also get hand-written answer sets, valid and invalid.
 */
import fs from 'node:fs'
import { Ajv } from 'ajv'
import {
  type Model,
  QuestionMatrixDropdownModel,
  QuestionMatrixModel,
  type QuestionSelectBase,
} from 'survey-core'
import { describe, expect, it } from 'vitest'
import { isRecord, type JsonObject } from '../../surveys/json.ts'
// The server's entry point to survey-core: it registers the top-level `gapkit` property.
import { createModel } from '../../surveys/survey-model.ts'

type Json = unknown

const DEFINITIONS = new URL('../../surveys/definitions/', import.meta.url)
const SCHEMA = new URL('../../node_modules/survey-core/surveyjs_definition.json', import.meta.url)

const files = fs
  .readdirSync(DEFINITIONS)
  .filter((f) => f.endsWith('.json'))
  .sort()

function readJson(url: URL): Json {
  return JSON.parse(fs.readFileSync(url, 'utf8'))
}

function definition(id: string): JsonObject {
  const json = readJson(new URL(`${id}.json`, DEFINITIONS))
  if (!isRecord(json)) throw new Error(`${id}.json is not a JSON object`)
  return json
}

function modelOf(id: string): Model {
  return createModel(definition(id))
}

// --- localizable strings -------------------------------------------------------------------

/** Property names the survey-core schema declares as `string | locstring`. */
function localizableKeys(schema: Json): Set<string> {
  const keys = new Set<string>()
  const walk = (node: Json): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n)
      return
    }
    if (!isRecord(node)) return
    const props = node.properties
    if (isRecord(props)) {
      for (const [name, prop] of Object.entries(props)) {
        const oneOf = isRecord(prop) ? prop.oneOf : undefined
        const isLoc =
          Array.isArray(oneOf) &&
          oneOf.some((o) => isRecord(o) && String(o.$ref ?? '').endsWith('locstring'))
        if (isLoc) keys.add(name)
      }
    }
    for (const child of Object.values(node)) walk(child)
  }
  walk(schema)
  // Addresses and images are the same in every language.
  for (const neutral of ['url', 'imageLink', 'logo']) keys.delete(neutral)
  return keys
}

const NUMERIC = /^-?\d+(\.\d+)?$/
const LOCALE_KEY = /^(default|[a-z]{2,3}(-[A-Za-z0-9]+)?)$/

interface LocString {
  path: string
  locales: string[]
}

interface TextScan {
  /** Localizable strings written as `{ locale: text }`. */
  localized: LocString[]
  /** Texts a respondent sees that are not localized at all (a plain string, a bare code). */
  plain: string[]
}

/** `en` and `default` are the same language for a file whose default locale is English. */
function normalizeLocale(key: string): string {
  return key === 'en' ? 'default' : key
}

function scanTexts(json: JsonObject, locKeys: Set<string>): TextScan {
  const scan: TextScan = { localized: [], plain: [] }
  const visitText = (path: string, value: Json): void => {
    if (typeof value === 'string') {
      scan.plain.push(path)
    } else if (isRecord(value)) {
      const keys = Object.keys(value)
      const wellFormed =
        keys.length > 0 &&
        keys.every((k) => LOCALE_KEY.test(k)) &&
        Object.values(value).every((t) => typeof t === 'string' && t.trim() !== '')
      if (!wellFormed) scan.plain.push(`${path} (malformed or empty)`)
      scan.localized.push({ path, locales: keys.map(normalizeLocale) })
    }
  }
  /** Choices, rows and columns: a bare code or an item without text shows the code. */
  const visitItems = (path: string, items: Json[], columnsOf: string | undefined): void => {
    items.forEach((item, i) => {
      const at = `${path}[${i}]`
      if (typeof item === 'string') {
        if (!NUMERIC.test(item)) scan.plain.push(`${at} (bare code "${item}")`)
      } else if (isRecord(item)) {
        if (columnsOf === 'matrixdropdown' || columnsOf === 'matrixdynamic') {
          if (item.title === undefined) scan.plain.push(`${at} (column without title)`)
        } else if (item.text === undefined && !NUMERIC.test(String(item.value ?? ''))) {
          scan.plain.push(`${at} (item without text)`)
        }
        visit(at, item, undefined)
      }
    })
  }
  const visit = (path: string, node: Json, type: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        visit(`${path}[${i}]`, n, undefined)
      })
      return
    }
    if (!isRecord(node)) return
    const ownType = typeof node.type === 'string' ? node.type : type
    for (const [key, value] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key
      if (key === 'gapkit' && path === '') {
        visitGapkit(at, value)
      } else if (locKeys.has(key) && (typeof value === 'string' || isRecord(value))) {
        visitText(at, value)
      } else if (
        Array.isArray(value) &&
        (key === 'choices' || key === 'rows' || key === 'rateValues' || key === 'columns')
      ) {
        visitItems(at, value, key === 'columns' ? ownType : undefined)
      } else {
        visit(at, value, ownType)
      }
    }
  }
  const visitGapkit = (path: string, block: Json): void => {
    if (!isRecord(block) || !Array.isArray(block.dimensions)) return
    block.dimensions.forEach((d, i) => {
      if (isRecord(d) && d.label !== undefined) visitText(`${path}.dimensions[${i}].label`, d.label)
    })
  }
  visit('', json, undefined)
  return scan
}

// --- names and codes ----------------------------------------------------------------------

interface Names {
  elements: string[]
  pages: string[]
  /** Duplicate codes inside one question: `question: code`. */
  duplicateCodes: string[]
}

function codeOf(item: Json): string | undefined {
  if (typeof item === 'string' || typeof item === 'number') return String(item)
  if (isRecord(item)) {
    const v = item.value ?? item.name
    if (typeof v === 'string' || typeof v === 'number') return String(v)
  }
  return undefined
}

function collectNames(json: JsonObject): Names {
  const names: Names = { elements: [], pages: [], duplicateCodes: [] }
  const checkCodes = (owner: string, key: string, list: Json): void => {
    if (!Array.isArray(list)) return
    const seen = new Set<string>()
    for (const item of list) {
      const code = codeOf(item)
      if (code === undefined) continue
      if (seen.has(code)) names.duplicateCodes.push(`${owner}.${key}: ${code}`)
      seen.add(code)
    }
  }
  const visitElements = (list: Json): void => {
    if (!Array.isArray(list)) return
    for (const el of list) {
      if (!isRecord(el)) continue
      const name = typeof el.name === 'string' ? el.name : '(unnamed)'
      names.elements.push(name)
      for (const key of ['choices', 'rows', 'columns', 'rateValues']) checkCodes(name, key, el[key])
      visitElements(el.elements)
      visitElements(el.templateElements)
      visitElements(el.detailElements)
      if (Array.isArray(el.columns)) {
        for (const c of el.columns) if (isRecord(c)) checkCodes(name, 'column choices', c.choices)
      }
    }
  }
  if (Array.isArray(json.pages)) {
    for (const page of json.pages) {
      if (!isRecord(page)) continue
      names.pages.push(typeof page.name === 'string' ? page.name : '(unnamed)')
      visitElements(page.elements)
    }
  }
  visitElements(json.elements)
  return names
}

function duplicates(list: string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const x of list) {
    if (seen.has(x)) dup.add(x)
    seen.add(x)
  }
  return [...dup]
}

// --- gapkit paths ---------------------------------------------------------------------------

/** Null when `path` is a question, a matrix row or a matrixdropdown cell; else the problem. */
function resolvePath(model: Model, path: string): string | null {
  const [name = '', row, column, ...rest] = path.split('.')
  const q = model.getQuestionByName(name)
  if (!q) return `${path}: no question "${name}"`
  if (rest.length > 0) return `${path}: too many parts`
  if (row === undefined) return null
  if (q instanceof QuestionMatrixDropdownModel) {
    if (!q.rows.some((r) => String(r.value) === row)) return `${path}: no row "${row}"`
    if (column === undefined) return `${path}: a matrixdropdown path needs a column`
    if (!q.columns.some((c) => c.name === column)) return `${path}: no column "${column}"`
    return null
  }
  if (q instanceof QuestionMatrixModel) {
    if (!q.rows.some((r) => String(r.value) === row)) return `${path}: no row "${row}"`
    if (column !== undefined) return `${path}: a matrix path has no column`
    return null
  }
  return `${path}: "${name}" is a ${q.getType()}, not a matrix`
}

// --- validation helpers ---------------------------------------------------------------------

/** Validates like the server does and returns `question: message` for every error. */
function validate(
  model: Model,
  answers: Record<string, unknown>,
): { valid: boolean; errors: Map<string, string[]> } {
  model.data = answers
  const valid = model.validate(true, false)
  const errors = new Map<string, string[]>()
  for (const q of model.getAllQuestions(false, false, true)) {
    if (q.errors.length > 0)
      errors.set(
        q.name,
        q.errors.map((e) => e.text),
      )
  }
  return { valid, errors }
}

/** Answers that survey-core would drop (unknown codes, hidden choices or rows). */
function droppedByClear(model: Model, answers: Record<string, unknown>): boolean {
  model.data = answers
  const before = JSON.stringify(model.data)
  model.clearIncorrectValues(true)
  return JSON.stringify(model.data) !== before
}

// --- the checks ---------------------------------------------------------------------------

describe('every questionnaire in surveys/definitions', () => {
  const schema = readJson(SCHEMA)
  const locKeys = localizableKeys(schema)
  let validateSchema: ReturnType<Ajv['compile']> | undefined

  it('finds the questionnaires', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'best-practice-vote.json',
        'codesign-challenge.json',
        'good-practice.json',
        'mfi-indicators.json',
      ]),
    )
  })

  describe.each(files)('%s', (file) => {
    const id = file.replace(/\.json$/, '')

    it('(a) loads in survey-core without jsonErrors', () => {
      const model = modelOf(id)
      const errors = (model.jsonErrors ?? []).map((e) => e.message)
      expect(errors).toEqual([])
      expect(model.getAllQuestions().length).toBeGreaterThan(0)
    })

    it('(b) matches the survey-core JSON schema', () => {
      if (!validateSchema) {
        const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true })
        if (!isRecord(schema)) throw new Error('surveyjs_definition.json is not an object')
        validateSchema = ajv.compile(schema)
      }
      const ok = validateSchema(definition(id))
      // anyOf over every question type repeats one problem once per branch: report it once.
      const messages = new Set(
        (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`),
      )
      expect([...messages]).toEqual([])
      expect(ok).toBe(true)
    })

    it('(c) every gapkit dimension path resolves', () => {
      const json = definition(id)
      const model = createModel(json)
      const gapkit = json.gapkit
      const problems: string[] = []
      if (gapkit !== undefined) {
        expect(isRecord(gapkit)).toBe(true)
        const dims = isRecord(gapkit) ? (gapkit.dimensions ?? []) : []
        expect(Array.isArray(dims)).toBe(true)
        for (const d of Array.isArray(dims) ? dims : []) {
          if (!isRecord(d)) {
            problems.push('a dimension is not an object')
            continue
          }
          for (const key of ['current', 'target']) {
            const p = d[key]
            const problem =
              typeof p === 'string' ? resolvePath(model, p) : `${String(d.id)}: no ${key}`
            if (problem) problems.push(problem)
          }
        }
      }
      expect(problems).toEqual([])
    })

    it('(d) every localizable string has every language of the file', () => {
      const scan = scanTexts(definition(id), locKeys)
      const declared = new Set(scan.localized.flatMap((s) => s.locales))
      const required =
        id === 'microfinance-gap' ? ['default', 'fr', 'it', 'ro', 'sv', 'sl'] : ['default', 'fr']
      for (const lang of required) expect(declared, `declares ${lang}`).toContain(lang)
      const missing = scan.localized
        .map((s) => ({
          path: s.path,
          missing: [...declared].filter((l) => !s.locales.includes(l)),
        }))
        .filter((s) => s.missing.length > 0)
        .map((s) => `${s.path}: ${s.missing.join(', ')}`)
      expect(missing).toEqual([])
      expect(scan.plain).toEqual([])
    })

    it('(e) has no duplicate names or codes', () => {
      const names = collectNames(definition(id))
      expect(duplicates(names.elements)).toEqual([])
      expect(duplicates(names.pages)).toEqual([])
      expect(names.duplicateCodes).toEqual([])
    })
  })
})

// --- (f) hand-written answer sets ------------------------------------------------------------

const SCORE_COLUMNS = [
  'relevance',
  'evidence',
  'sustainability',
  'transferability',
  'vulnerable_reach',
  'innovation',
]

function scoreRow(score: number): Record<string, number> {
  return Object.fromEntries(SCORE_COLUMNS.map((c) => [c, score]))
}

const goodPractice = {
  practice_title: 'Clubs CIGALES',
  summary: 'Citizens pool savings to invest in local social enterprises and mentor them.',
  country: 'FR',
  region: 'FR-93',
  owner_organisation: 'Fédération des CIGALES',
  start_date: '2015-01-01',
  end_date: '2023-12-31',
  dimensions: ['savings', 'mentoring', 'coordination'],
  target_groups: ['social_enterprises', 'women'],
  problem_addressed: 'Small social enterprises cannot raise their first equity.',
  practice_description: 'Clubs of 5 to 20 members save monthly for five years and invest.',
  budget_eur: 120000,
  funding_sources: ['citizens', 'regional_local_public'],
  staff_fte: 1.5,
  staff_detail: '1 coordinator, 40 volunteers',
  timescale: 'Set up in six months; clubs last five years.',
  evidence: 'External evaluation in 2022.',
  results_year: 2023,
  beneficiaries: 64,
  loans_granted: 0,
  amount_lent_eur: 310000,
  jobs_created: 85,
  repayment_rate_pct: 97.5,
  difficulties: 'Recruiting new members.',
  lessons_learned: 'Mentoring matters as much as money.',
  transferability: 4,
  transfer_conditions: 'A legal form for investment clubs.',
  inspired_policy: true,
  policy_detail: 'A regional support scheme for solidarity savings.',
  contact_name: 'Jeanne Martin',
  contact_email: 'jeanne.martin@example.org',
  contact_public: true,
}

const vote = {
  scores: {
    'IT-BO:permicro': scoreRow(4),
    'IT-BO:social-microcredit': scoreRow(3),
    'RO-BI:frgc-guarantees': scoreRow(3),
    'RO-BI:good-bee': scoreRow(2),
    'SE-VG:almi-microloans': scoreRow(5),
    'SE-VG:jak-bank': scoreRow(4),
  },
  top3: ['SE-VG:almi-microloans', 'IT-BO:permicro', 'SE-VG:jak-bank'],
  comments: 'Almi could work with our regional development fund.',
}

const codesign = {
  subgroup: 'group_2',
  participants: 7,
  stakeholders_present: ['sfd', 'insurers', 'farmer_orgs', 'government'],
  priority_challenges: [
    'climate_shocks',
    'irregular_income',
    'school_costs_timing',
    'household_labour_demand',
    'no_collateral',
    'distance_services',
    'low_financial_literacy',
  ],
  concept_title: 'Épargne scolaire couplée à une assurance indicielle',
  concept_description:
    'Une épargne bloquée pour la rentrée, protégée par une assurance sécheresse.',
  target_beneficiaries: ['cotton_households', 'women'],
  product_types: ['education_savings', 'index_insurance'],
  delivery_channels: ['mobile_money', 'farmer_org_channel'],
  effect_child_labour: 4,
  effect_school_attendance: 5,
  feasibility: 3,
  partners_needed: ['sfd', 'insurers', 'mobile_money', 'schools'],
  monitoring_indicators: 'Taux de scolarisation, montant épargné, sinistres indemnisés.',
}

const indicators = {
  period_type: 'quarterly',
  period_end: '2024-03-31',
  institution: 'Kondo Jigima',
  branch: 'Caisse de Fana',
  branch_region: 'koulikoro',
  members: 5200,
  borrowers_active: 1180,
  borrowers_women: 610,
  borrowers_youth: 190,
  farmer_orgs_financed: 14,
  portfolio_outstanding_xof: 412500000,
  deposits_xof: 298000000,
  par30_pct: 4.2,
  data_source: 'mis',
  report_comment: 'Jeunes : 18 à 35 ans.',
}

describe('(f) answer sets', () => {
  it.each([
    ['good-practice', goodPractice],
    ['best-practice-vote', vote],
    ['codesign-challenge', codesign],
    ['mfi-indicators', indicators],
  ] as const)(
    'a valid %s answer set passes validation and uses only known codes',
    (id, answers) => {
      const model = modelOf(id)
      if (id === 'best-practice-vote') model.setVariable('region', 'FR-93')
      const result = validate(model, { ...answers })
      expect(Object.fromEntries(result.errors)).toEqual({})
      expect(result.valid).toBe(true)
      expect(droppedByClear(modelOf(id), { ...answers })).toBe(false)
    },
  )

  describe('mfi-indicators', () => {
    it('flags women borrowers above active borrowers on the women question', () => {
      const { valid, errors } = validate(modelOf('mfi-indicators'), {
        ...indicators,
        borrowers_women: 1200,
      })
      expect(valid).toBe(false)
      expect([...errors.keys()]).toEqual(['borrowers_women'])
    })

    it('flags young borrowers above active borrowers, with the French message in French', () => {
      const model = modelOf('mfi-indicators')
      model.locale = 'fr'
      const { valid, errors } = validate(model, { ...indicators, borrowers_youth: 2000 })
      expect(valid).toBe(false)
      expect(errors.get('borrowers_youth')).toEqual([
        "Le nombre de jeunes emprunteurs ne peut pas dépasser le nombre d'emprunteurs actifs.",
      ])
    })

    it('skips the part-of-total checks when the total is empty (only required fires)', () => {
      const { errors } = validate(modelOf('mfi-indicators'), {
        ...indicators,
        borrowers_active: undefined,
      })
      expect([...errors.keys()]).toEqual(['borrowers_active'])
    })

    it('rejects a PAR outside 0–100, negative or fractional counts', () => {
      for (const bad of [
        { par30_pct: 100.5 },
        { par30_pct: -1 },
        { members: -3 },
        { deposits_xof: -1 },
        { farmer_orgs_financed: 2.5 },
      ]) {
        const { valid, errors } = validate(modelOf('mfi-indicators'), { ...indicators, ...bad })
        expect(valid, JSON.stringify(bad)).toBe(false)
        expect([...errors.keys()]).toEqual(Object.keys(bad))
      }
    })

    it('rejects a period end in the future or not at a month or quarter end', () => {
      const next = new Date()
      next.setFullYear(next.getFullYear() + 1, 11, 31)
      const future = `${next.getFullYear()}-12-31`
      for (const bad of [
        { period_end: future },
        { period_end: '2024-03-30' },
        { period_type: 'quarterly', period_end: '2024-04-30' },
      ]) {
        const { valid, errors } = validate(modelOf('mfi-indicators'), { ...indicators, ...bad })
        expect(valid, JSON.stringify(bad)).toBe(false)
        expect([...errors.keys()]).toEqual(['period_end'])
      }
      const monthly = validate(modelOf('mfi-indicators'), {
        ...indicators,
        period_type: 'monthly',
        period_end: '2024-02-29',
      })
      expect(monthly.valid).toBe(true)
    })

    it('requires the period, the branch and the active borrowers', () => {
      const { errors } = validate(modelOf('mfi-indicators'), {})
      expect([...errors.keys()].sort()).toEqual([
        'borrowers_active',
        'branch',
        'period_end',
        'period_type',
      ])
    })
  })

  describe('best-practice-vote', () => {
    const FR = ['FR-93:cigales', 'FR-93:adie-microcredit']

    it('hides the voter region practices from the ranking and the score matrix', () => {
      const model = modelOf('best-practice-vote')
      model.setVariable('region', 'FR-93')
      const top3 = model.getQuestionByName('top3') as QuestionSelectBase
      const visible = top3.visibleChoices.map((c) => String(c.value))
      expect(visible).toHaveLength(6)
      for (const own of FR) expect(visible).not.toContain(own)
      const scores = model.getQuestionByName('scores')
      if (!(scores instanceof QuestionMatrixDropdownModel)) throw new Error('scores is no matrix')
      const rows = scores.visibleRows.map((r) => String(r.rowName))
      expect(rows).toHaveLength(6)
      for (const own of FR) expect(rows).not.toContain(own)
    })

    it('shows all eight practices when no region is set, or a region without practices', () => {
      const model = modelOf('best-practice-vote')
      const top3 = model.getQuestionByName('top3') as QuestionSelectBase
      expect(top3.visibleChoices).toHaveLength(8)
      model.setVariable('region', 'SI-HEART')
      expect(top3.visibleChoices).toHaveLength(8)
    })

    it('drops an own-region practice from a submitted ballot, so the server can reject it', () => {
      const model = modelOf('best-practice-vote')
      model.setVariable('region', 'FR-93')
      expect(droppedByClear(model, { ...vote, top3: ['FR-93:cigales', 'IT-BO:permicro'] })).toBe(
        true,
      )
      const scored = modelOf('best-practice-vote')
      scored.setVariable('region', 'FR-93')
      const scores = { ...vote.scores, 'FR-93:cigales': scoreRow(5) }
      expect(droppedByClear(scored, { ...vote, scores })).toBe(true)
    })

    it('rejects more than three ranked practices and incomplete scores', () => {
      const model = modelOf('best-practice-vote')
      model.setVariable('region', 'FR-93')
      const four = validate(model, { ...vote, top3: [...vote.top3, 'RO-BI:good-bee'] })
      expect(four.valid).toBe(false)
      expect([...four.errors.keys()]).toEqual(['top3'])
      const { 'RO-BI:good-bee': _dropped, ...fewer } = vote.scores
      const incomplete = validate(modelOf('best-practice-vote'), { ...vote, scores: fewer })
      expect(incomplete.valid).toBe(false)
    })
  })

  describe('good-practice', () => {
    it('asks for the policy detail only when the practice inspired a policy', () => {
      const model = modelOf('good-practice')
      const { policy_detail: _detail, ...withoutDetail } = goodPractice
      const no = validate(model, { ...withoutDetail, inspired_policy: false })
      expect(model.getQuestionByName('policy_detail')?.isVisible).toBe(false)
      expect(no.valid).toBe(true)
      const yes = validate(modelOf('good-practice'), { ...withoutDetail, inspired_policy: true })
      expect([...yes.errors.keys()]).toEqual(['policy_detail'])
    })

    it('rejects a bad email and an end date before the start date', () => {
      const email = validate(modelOf('good-practice'), {
        ...goodPractice,
        contact_email: 'jeanne@',
      })
      expect([...email.errors.keys()]).toEqual(['contact_email'])
      const dates = validate(modelOf('good-practice'), { ...goodPractice, end_date: '2014-12-31' })
      expect([...dates.errors.keys()]).toEqual(['end_date'])
    })
  })

  describe('codesign-challenge', () => {
    it('requires the subgroup, the ranking, the concept and the three ratings', () => {
      const { errors } = validate(modelOf('codesign-challenge'), {})
      expect([...errors.keys()].sort()).toEqual([
        'concept_description',
        'concept_title',
        'effect_child_labour',
        'effect_school_attendance',
        'feasibility',
        'priority_challenges',
        'product_types',
        'subgroup',
        'target_beneficiaries',
      ])
    })
  })
})
