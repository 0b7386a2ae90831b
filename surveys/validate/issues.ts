/** Messages and the issue collector shared by the answer checks. */
import { surveyLocalization } from 'survey-core'
import type { ValidationIssue, ValidationMode } from '../types.ts'

const english = {
  notObject: 'Answers must be a JSON object mapping question names to values.',
  unknownQuestion: 'There is no question named “{0}” in this questionnaire.',
  unknownColumn: 'There is no column “{0}” in this matrix.',
  unknownRow: 'There is no row “{0}” in this matrix.',
  unknownField: 'There is no field “{0}” in this question.',
  notAnswerable: '“{0}” does not take an answer.',
  hidden: 'This question is not shown for these answers: remove its answer.',
  expectText: 'The answer must be text.',
  expectChoice: 'The answer must be a single choice.',
  expectList: 'The answer must be a list of choices.',
  expectBoolean: 'The answer must be {0} or {1}.',
  expectObject: 'The answer must be a JSON object.',
  expectEntries: 'The answer must be a list of entries (JSON objects).',
  expectFiles: 'The answer must be a list of files.',
  duplicate: 'The choice “{0}” is given more than once.',
  notAChoice: '“{0}” is not one of the available choices.',
  exclusive: '“{0}” cannot be combined with other choices.',
  rankAll: 'Rank every choice exactly once.',
  notOnScale: 'The rating must be one of: {0}.',
  otherTextWithoutOther: 'This text is only allowed when “Other” is chosen.',
  badFormat: 'The answer is not in the expected format.',
  invalid: 'The answer is not valid.',
  tooManyValues:
    'The answers hold more than {0} values (keys and list entries): nothing was checked.',
  tooDeep: 'The answers are nested more than {0} levels deep: nothing was checked.',
  keyTooLong: 'A name in the answers is longer than {0} characters: nothing was checked.',
  tooManyEntries: 'At most {0} entries are allowed here.',
  moreProblems: '{0} more problems were found: only the first {1} are listed.',
} as const

/** Keys of Gapkit's own validation messages. */
export type MessageKey = keyof typeof english

const catalogs: Record<string, Record<MessageKey, string>> = {
  en: english,
  fr: {
    notObject:
      'Les réponses doivent être un objet JSON associant les noms des questions aux valeurs.',
    unknownQuestion: 'Ce questionnaire ne contient pas de question nommée « {0} ».',
    unknownColumn: 'Cette matrice n’a pas de colonne « {0} ».',
    unknownRow: 'Cette matrice n’a pas de ligne « {0} ».',
    unknownField: 'Cette question n’a pas de champ « {0} ».',
    notAnswerable: '« {0} » n’attend pas de réponse.',
    hidden: 'Cette question n’est pas affichée compte tenu de vos réponses : supprimez sa réponse.',
    expectText: 'La réponse doit être un texte.',
    expectChoice: 'La réponse doit être un choix unique.',
    expectList: 'La réponse doit être une liste de choix.',
    expectBoolean: 'La réponse doit être {0} ou {1}.',
    expectObject: 'La réponse doit être un objet JSON.',
    expectEntries: 'La réponse doit être une liste d’entrées (objets JSON).',
    expectFiles: 'La réponse doit être une liste de fichiers.',
    duplicate: 'Le choix « {0} » est donné plusieurs fois.',
    notAChoice: '« {0} » ne fait pas partie des choix proposés.',
    exclusive: '« {0} » ne peut pas être combiné avec d’autres choix.',
    rankAll: 'Classez chaque choix exactement une fois.',
    notOnScale: 'La note doit être l’une des valeurs suivantes : {0}.',
    otherTextWithoutOther: 'Ce texte n’est permis que si « Autre » est choisi.',
    badFormat: 'La réponse n’est pas au format attendu.',
    invalid: 'La réponse n’est pas valide.',
    tooManyValues:
      'Les réponses contiennent plus de {0} valeurs (clés et éléments de liste) : rien n’a été vérifié.',
    tooDeep: 'Les réponses sont imbriquées sur plus de {0} niveaux : rien n’a été vérifié.',
    keyTooLong: 'Un nom dans les réponses dépasse {0} caractères : rien n’a été vérifié.',
    tooManyEntries: 'Au plus {0} entrées sont permises ici.',
    moreProblems: '{0} autres problèmes ont été trouvés : seuls les {1} premiers sont listés.',
  },
}

function format(template: string, args: readonly unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const arg = args[Number(i)]
    return arg === undefined ? whole : showValue(arg)
  })
}

/** The longest value a message quotes; a longer one is cut with "…". */
const SHOWN_LENGTH = 80

/** A value as it appears inside a message: strings bare, anything else as JSON, cut at 80. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text
}

/** Gapkit's own message in `locale` (English when that locale has no catalog). */
export function ownMessage(locale: string, key: MessageKey, ...args: unknown[]): string {
  const catalog = catalogs[locale] ?? catalogs[locale.split('-')[0] ?? ''] ?? english
  return format(catalog[key], args)
}

/** One of SurveyJS's own strings (`textMaxLength`, `maxSelectError`…) in `locale`. */
export function surveyMessage(locale: string, key: string, ...args: unknown[]): string {
  return format(surveyLocalization.getString(key, locale), args)
}

/** State of one `validate` call, passed to every check. */
export interface CheckContext {
  mode: ValidationMode
  /** Locale of the messages (never empty). */
  locale: string
  commentSuffix: string
  /** The problems kept, at most `MAX_ISSUES`. */
  issues: ValidationIssue[]
  /** How many further problems were found and left out. */
  omitted: number
  /** Paths with an issue of ours: survey-core's messages at or under them are redundant. */
  flagged: Set<string>
  /** `path\0message` of each issue: a repeat is found without scanning the list. */
  seen: Set<string>
}

/**
 * The most problems one validation reports; past it they are counted, not listed. A hostile
 * answer set can hold a hundred thousand unknown keys: each one listed (and compared with the
 * others) would cost the server seconds and the response megabytes.
 */
export const MAX_ISSUES = 100

/** A fresh context for one `validate` call. */
export function createCheckContext(
  mode: ValidationMode,
  locale: string,
  commentSuffix: string,
): CheckContext {
  return {
    mode,
    locale,
    commentSuffix,
    issues: [],
    omitted: 0,
    flagged: new Set(),
    seen: new Set(),
  }
}

/** Records a problem found by our own checks at `path`, with a ready message. */
export function report(ctx: CheckContext, path: string, message: string): void {
  ctx.flagged.add(path)
  addIssue(ctx, path, message)
}

/** Records a problem without flagging its path (for survey-core's own errors). */
export function addIssue(ctx: CheckContext, path: string, message: string): void {
  const key = `${path}\0${message}`
  if (ctx.seen.has(key)) return
  ctx.seen.add(key)
  if (ctx.issues.length < MAX_ISSUES) ctx.issues.push({ question: path, message })
  else ctx.omitted++
}

/** Records a problem at `path` with one of Gapkit's own messages. */
export function reportOwn(ctx: CheckContext, path: string, key: MessageKey, ...args: unknown[]) {
  // Past the cap the message is never shown: only the path is flagged, without formatting it.
  if (ctx.issues.length >= MAX_ISSUES) {
    ctx.flagged.add(path)
    ctx.omitted++
    return
  }
  report(ctx, path, ownMessage(ctx.locale, key, ...args))
}

/** `prefix.key`, or `key` at the top level. */
export function joinPath(prefix: string, key: string | number): string {
  return prefix ? `${prefix}.${key}` : String(key)
}

/** Whether the issues reached `MAX_ISSUES`: the answers are rejected whatever else is found. */
export function isFull(ctx: CheckContext): boolean {
  return ctx.issues.length >= MAX_ISSUES
}

/**
 * Whether `path`, a path above it or a path below it is flagged: survey-core's messages there
 * would repeat ours, or describe the model after our rejected values were taken out (a matrix
 * row missing because its value was not a column). A scan of the flagged paths: it only runs
 * (once per shown question) while fewer than `MAX_ISSUES` are flagged.
 */
export function isFlagged(ctx: CheckContext, path: string): boolean {
  for (const flagged of ctx.flagged) {
    if (flagged === path || flagged.startsWith(`${path}.`) || path.startsWith(`${flagged}.`)) {
      return true
    }
  }
  return false
}
