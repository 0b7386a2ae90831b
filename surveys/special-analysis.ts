/**
 * The `analysis` entry of a questionnaire's `gapkit` block: which special tally it gets (vote,
 * co-design, indicators) and which of its questions plays each role. The tally is chosen by
 * this declaration, never by the file name, so a partnership's own vote questionnaire gets the
 * vote tally too.
 */
import type { QuestionShape } from './definition.ts'
import { isRecord } from './json.ts'
import type { CodesignRoles, IndicatorRoles, SpecialAnalysis, VoteRoles } from './types.ts'

/** Default question names of a vote (those of `best-practice-vote`). */
export const VOTE_ROLES: Readonly<VoteRoles> = {
  scores: 'scores',
  ranking: 'top3',
  tieBreak: 'transferability',
}

/** Default question names of a co-design sheet (those of `codesign-challenge`). */
export const CODESIGN_ROLES: Readonly<CodesignRoles> = {
  subgroup: 'subgroup',
  participants: 'participants',
  ranking: 'priority_challenges',
  products: 'product_types',
  ratings: ['effect_child_labour', 'effect_school_attendance', 'feasibility'],
}

/** Default question names of an indicator report (those of `mfi-indicators`). */
export const INDICATOR_ROLES: Readonly<IndicatorRoles> = {
  periodType: 'period_type',
  periodEnd: 'period_end',
  institution: 'institution',
  branch: 'branch',
  branchRegion: 'branch_region',
  members: 'members',
  borrowers: 'borrowers_active',
  women: 'borrowers_women',
  youth: 'borrowers_youth',
  farmerOrgs: 'farmer_orgs_financed',
  portfolio: 'portfolio_outstanding_xof',
  savings: 'deposits_xof',
  par30: 'par30_pct',
}

const KINDS = ['vote', 'codesign', 'indicators'] as const

// SurveyJS types whose stored answer each role's reader understands.
const ONE_ANSWER = ['dropdown', 'radiogroup', 'text']
const CHOICE = ['dropdown', 'radiogroup']
const NUMBER = ['text']
const MULTI = ['checkbox', 'tagbox']

/** The readers of one kind's roles: each takes the declared name, else the default, and checks it. */
function readRoles(
  byName: Map<string, QuestionShape>,
  raw: unknown,
  known: readonly string[],
  kind: string,
) {
  if (raw !== undefined && !isRecord(raw)) {
    throw new Error('"gapkit.analysis.roles" must be an object of role → question name')
  }
  const declared: Record<string, unknown> = raw ?? {}
  const unknown = Object.keys(declared).find((k) => !known.includes(k))
  if (unknown !== undefined) {
    throw new Error(
      `gapkit.analysis.roles: ${kind} has no role "${unknown}" (roles: ${known.join(', ')})`,
    )
  }
  // A role written as null is an error, not the default: only an absent key means the default.
  const pick = (role: string, fallback: unknown): unknown =>
    Object.hasOwn(declared, role) ? declared[role] : fallback
  const check = (at: string, name: unknown, types: readonly string[]): string => {
    if (typeof name !== 'string' || !name) throw new Error(`${at} must be a question name`)
    const q = byName.get(name)
    if (!q) throw new Error(`${at}: "${name}" names no question`)
    if (!types.includes(q.type)) {
      throw new Error(`${at}: "${name}" is a ${q.type} question, not ${types.join(' or ')}`)
    }
    return name
  }
  return {
    /** The question name of `role`, checked to exist with one of `types`. */
    question(role: string, fallback: string, types: readonly string[]): string {
      return check(`gapkit.analysis.roles.${role}`, pick(role, fallback), types)
    },
    /** A list of question names, each checked to exist with one of `types`. */
    questions(role: string, fallback: readonly string[], types: readonly string[]): string[] {
      const names = pick(role, fallback)
      if (!Array.isArray(names)) {
        throw new Error(`gapkit.analysis.roles.${role} must be a list of question names`)
      }
      return names.map((name, i) => check(`gapkit.analysis.roles.${role}[${i}]`, name, types))
    },
    /** A column name of the matrixdropdown `matrix`. */
    column(role: string, fallback: string, matrix: string): string {
      const name = pick(role, fallback)
      if (typeof name !== 'string' || !name) {
        throw new Error(`gapkit.analysis.roles.${role} must be a column name of "${matrix}"`)
      }
      if (!byName.get(matrix)?.columns.includes(name)) {
        throw new Error(
          `gapkit.analysis.roles.${role}: question "${matrix}" has no column "${name}"`,
        )
      }
      return name
    },
  }
}

/**
 * Parses `gapkit.analysis`: a kind (`"vote"`, default role names) or `{kind, roles}` where
 * `roles` overrides some of the default names. Throws a one-line reason naming the path when
 * the kind is unknown or a role names a missing question or one of the wrong type.
 *
 * @example
 * parseSpecialAnalysis({ kind: 'vote', roles: { ranking: 'top5' } }, byName)
 * // { kind: 'vote', roles: { scores: 'scores', ranking: 'top5', tieBreak: 'transferability' } }
 */
export function parseSpecialAnalysis(
  raw: unknown,
  byName: Map<string, QuestionShape>,
): SpecialAnalysis | null {
  if (raw === undefined) return null
  const block = typeof raw === 'string' ? { kind: raw } : raw
  if (!isRecord(block)) throw new Error('"gapkit.analysis" must be a kind or {kind, roles}')
  const extra = Object.keys(block).find((k) => k !== 'kind' && k !== 'roles')
  if (extra !== undefined) throw new Error(`"gapkit.analysis" has an unknown key "${extra}"`)
  const { kind, roles } = block
  const known = (defaults: object) => Object.keys(defaults)
  switch (kind) {
    case 'vote': {
      const r = readRoles(byName, roles, known(VOTE_ROLES), kind)
      const scores = r.question('scores', VOTE_ROLES.scores, ['matrixdropdown'])
      return {
        kind,
        roles: {
          scores,
          ranking: r.question('ranking', VOTE_ROLES.ranking, ['ranking']),
          tieBreak: r.column('tieBreak', VOTE_ROLES.tieBreak, scores),
        },
      }
    }
    case 'codesign': {
      const r = readRoles(byName, roles, known(CODESIGN_ROLES), kind)
      const d = CODESIGN_ROLES
      return {
        kind,
        roles: {
          subgroup: r.question('subgroup', d.subgroup, ONE_ANSWER),
          participants: r.question('participants', d.participants, NUMBER),
          ranking: r.question('ranking', d.ranking, ['ranking']),
          products: r.question('products', d.products, MULTI),
          ratings: r.questions('ratings', d.ratings, ['rating']),
        },
      }
    }
    case 'indicators': {
      const r = readRoles(byName, roles, known(INDICATOR_ROLES), kind)
      const d = INDICATOR_ROLES
      const num = (role: keyof IndicatorRoles) => r.question(role, d[role], NUMBER)
      return {
        kind,
        roles: {
          periodType: r.question('periodType', d.periodType, CHOICE),
          periodEnd: r.question('periodEnd', d.periodEnd, ['text']),
          institution: r.question('institution', d.institution, ONE_ANSWER),
          branch: r.question('branch', d.branch, ONE_ANSWER),
          branchRegion: r.question('branchRegion', d.branchRegion, ONE_ANSWER),
          members: num('members'),
          borrowers: num('borrowers'),
          women: num('women'),
          youth: num('youth'),
          farmerOrgs: num('farmerOrgs'),
          portfolio: num('portfolio'),
          savings: num('savings'),
          par30: num('par30'),
        },
      }
    }
    default:
      throw new Error(`"gapkit.analysis" kind must be ${KINDS.join(', ')} (got ${show(kind)})`)
  }
}

function show(v: unknown): string {
  return v === undefined ? 'none' : JSON.stringify(v)
}
