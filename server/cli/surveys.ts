/** `gapkit survey`: upload and publish questionnaires in the database, list what is served. */
import path from 'node:path'
import type { LiveSurveyRegistry } from '../services/live-registry.ts'
import {
  listUploads,
  publishUpload,
  type SurveyUpload,
  SurveyUploadError,
  type UploadProblem,
  uploadSurvey,
} from '../services/survey-uploads.ts'
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  type CommandContext,
  openContext,
  parseCommand,
  readBeside,
  readInputFile,
  textTable,
  UsageError,
} from './context.ts'

/** Whom the audit log names for what the command line does. */
const ACTOR = 'cli'

const HELP = `Usage: gapkit survey add FILE [--id ID] [--draft]
       gapkit survey list [--json]

Questionnaires kept in the database, which every server on it serves within a second (no
restart):
the same as an upload in the dashboard or POST /api/surveys. The questionnaire folder stays
the way to keep questionnaires in version control; an uploaded questionnaire replaces the
folder's of the same id.

  add FILE          a SurveyJS JSON file or an XLSForm workbook (.xlsx), checked as the
                    folder's files are, then published as the current version of its id
                    (files named by select_one_from_file are read beside the workbook).
                    What could not be converted is listed on stderr by sheet, row and
                    column, as by gapkit xlsform. Exits 1, storing nothing, when the file
                    has errors
  --id ID           the questionnaire id (default: a JSON file's name; a workbook's
                    form_id setting, else its name)
  --draft           store it as a draft only: preview and publish it in the dashboard
                    (Questionnaires) or with POST /api/surveys/uploads/ID/publish
  list              every questionnaire served (id, version, from the folder or uploaded,
                    questions, languages), then the uploads with their status; --json for JSON
${COMMON_HELP}`

const OPTIONS = {
  ...COMMON_OPTIONS,
  id: { type: 'string' },
  draft: { type: 'boolean' },
  json: { type: 'boolean' },
} as const

/** One problem as a line, in the words of `gapkit xlsform`. */
function problemLine(p: UploadProblem): string {
  return `${p.severity === 'error' ? 'error' : 'not converted'}: ${p.where} — ${p.message}`
}

/** A text from a file on one line, without control characters (a title spanning lines). */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim()
}

/** `2026-12-07 10:42` (UTC), or `-`. */
function shown(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '-'
}

/** `gapkit survey` */
export async function surveyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, OPTIONS, true)
  if (values.help) return void console.log(HELP)
  const [verb, ...rest] = positionals
  if (verb === 'add') {
    const [file, ...extra] = rest
    if (!file || extra.length > 0) {
      throw new UsageError('usage: gapkit survey add FILE [--id ID] [--draft]')
    }
    if (values.json) throw new UsageError('--json is for gapkit survey list')
    return addSurvey(file, values)
  }
  if (verb === 'list') {
    if (rest.length > 0 || values.id !== undefined || values.draft) {
      throw new UsageError('usage: gapkit survey list [--json]')
    }
    const ctx = await openContext(values)
    try {
      return await listSurveys(ctx, values.json === true)
    } finally {
      await ctx.db.close()
    }
  }
  throw new UsageError(
    verb === undefined
      ? 'usage: gapkit survey add FILE [--id ID] [--draft] | gapkit survey list'
      : `unknown subcommand "${verb}" (add or list)`,
  )
}

async function addSurvey(
  file: string,
  values: { id?: string; draft?: boolean; db?: string; surveys?: string },
): Promise<void> {
  const bytes = readInputFile(file, 'a questionnaire file')
  const ctx = await openContext(values)
  try {
    const deps = { db: ctx.db.kysely, registry: ctx.registry }
    let upload: SurveyUpload
    try {
      upload = await uploadSurvey(
        deps,
        {
          fileName: path.basename(file),
          bytes,
          id: values.id,
          readFile: (name) => readBeside(file, name),
        },
        ACTOR,
        new Date().toISOString(),
      )
    } catch (error) {
      if (!(error instanceof SurveyUploadError)) throw error
      for (const problem of error.problems) console.error(problemLine(problem))
      const n = error.problems.length
      throw new Error(`${file}: not stored, ${n} error(s) above; nothing changed`)
    }
    for (const problem of upload.problems) console.error(problemLine(problem))
    const what = `questionnaire "${upload.survey}" version ${upload.version} (${upload.questions} question(s), languages ${upload.locales.join(', ')})`
    if (values.draft) {
      console.log(`${upload.id}\tdraft`)
      console.error(
        `gapkit survey: ${file} → draft ${upload.id} of ${what}; preview and publish it in the dashboard (Questionnaires)`,
      )
      return
    }
    const published = await publishUpload(deps, upload.id, ACTOR, new Date().toISOString())
    console.log(`${published.id}\tpublished`)
    const replaced = published.replaces ? `, replacing version ${published.replaces}` : ''
    console.error(`gapkit survey: ${file} → published ${what}${replaced}`)
  } finally {
    await ctx.db.close()
  }
}

async function listSurveys(
  ctx: CommandContext & { registry: LiveSurveyRegistry },
  json: boolean,
): Promise<void> {
  const served = ctx.registry.list().map((s) => {
    const origin = ctx.registry.origin(s.id)
    return {
      id: s.id,
      version: s.version,
      source: origin?.kind === 'upload' ? 'uploaded' : 'folder',
      upload: origin?.kind === 'upload' ? origin.upload : null,
      title: s.title('en'),
      questions: s.questions.length,
      locales: s.locales,
    }
  })
  const uploads = await listUploads(ctx.db.kysely)
  if (json) {
    console.log(JSON.stringify({ surveys: served, uploads }, null, 2))
    return
  }
  console.log(
    textTable(
      ['id', 'version', 'source', 'questions', 'languages', 'title'],
      served.map((s) => [
        s.id,
        s.version,
        s.source,
        String(s.questions),
        s.locales.join(' '),
        oneLine(s.title),
      ]),
    ),
  )
  if (uploads.length === 0) return
  console.log('')
  console.log(
    textTable(
      ['upload', 'survey', 'version', 'status', 'file', 'uploaded (UTC)', 'by', 'published (UTC)'],
      uploads.map((u) => [
        u.id,
        u.survey,
        u.version,
        u.status,
        oneLine(u.fileName),
        shown(u.uploadedAt),
        u.uploadedBy,
        shown(u.publishedAt),
      ]),
    ),
  )
}
