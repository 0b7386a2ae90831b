import { PassThrough } from 'node:stream'
import { Hono } from 'hono'
import { z } from 'zod'
import { writeAudit } from '../db/repositories/audit.ts'
import { ApiError, forbidden } from '../errors.ts'
import {
  CONTENT_TYPES,
  CSV_DELIMITERS,
  EXPORT_FORMATS,
  EXPORT_REVIEWS,
  EXPORT_STATUSES,
  HEADER_STYLES,
  prepareExport,
  writeExport,
} from '../exports/export-responses.ts'
import { ExportAborted, toWebStream } from '../exports/output.ts'
import { type AuthEnv, actorOf, leadNeeds, requireRole, requireToken } from '../http/auth.ts'
import { parseJson, parseQuery } from '../http/request.ts'
import { ImportRejected, type ImportSource, importResponses } from '../imports/import-responses.ts'
import type { SubmissionDeps } from '../services/submissions.ts'

const name = (max: number) => z.string().min(1).max(max)
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('json'),
  labels: name(20).optional(),
  region: name(64).optional(),
  wave: name(64).optional(),
  status: z.enum(EXPORT_STATUSES).optional(),
  review: z.enum(EXPORT_REVIEWS).optional(),
  delimiter: z.enum(CSV_DELIMITERS).optional(),
  headers: z.enum(HEADER_STYLES).optional(),
})

export const importQuery = z.object({
  region: name(64).optional(),
  skipInvalid: flag.optional(),
  dryRun: flag.optional(),
})

/** At most this many row problems go into an error body; the count says how many there were. */
const MAX_DETAILS = 1000

/**
 * Exports (`GET /api/surveys/:id/responses?format=json|csv|xlsx[&headers=kobo|gapkit]`, streamed; a partner token
 * reads only its own region; a lead partner needs the analyst role; every export is audited)
 * and imports (`POST /api/surveys/:id/imports`, analyst or owner; a JSON export as
 * `application/json`, a CSV export as `text/csv`, an XLSX export as its content type; CSV and
 * XLSX with Gapkit's headers or Kobo's). Mounted at `/api/surveys`.
 */
export function exportRoutes(deps: SubmissionDeps) {
  return new Hono<AuthEnv>()
    .get('/:id/responses', requireToken(deps.db), leadNeeds('analyst'), async (c) => {
      const query = parseQuery(c, exportQuery)
      const p = c.var.principal
      if (
        p.role !== 'admin' &&
        (p.regionId === null || (query.region ?? p.regionId) !== p.regionId)
      ) {
        throw forbidden('a partner link reads only its own region')
      }
      const region = p.role === 'admin' ? query.region : (p.regionId ?? undefined)
      const survey = c.req.param('id')
      const prepared = await prepareExport(deps.db, deps.registry, { ...query, survey, region })
      // Raw answers leave the server: who took which, when, is kept.
      await writeAudit(
        deps.db,
        {
          actor: actorOf(p),
          action: 'response.export',
          entity: 'survey',
          entityId: survey,
          details: {
            format: prepared.format,
            headers: prepared.format === 'json' ? null : prepared.headers,
            status: prepared.status,
            region: region ?? null,
            wave: query.wave ?? null,
          },
        },
        deps.now().toISOString(),
      )
      const out = new PassThrough()
      writeExport(deps.db, prepared, out).catch((error: unknown) => {
        // Headers are gone by now: a failure can only cut the download short.
        if (!(error instanceof ExportAborted)) console.error('gapkit: export failed:', error)
        out.destroy(error instanceof Error ? error : undefined)
      })
      return c.body(toWebStream(out), 200, {
        'Content-Type': CONTENT_TYPES[prepared.format],
        'Content-Disposition': `attachment; filename="${prepared.fileName}"`,
        'Cache-Control': 'no-store',
      })
    })
    .post('/:id/imports', requireRole(deps.db, 'analyst'), async (c) => {
      const query = parseQuery(c, importQuery)
      const type = c.req.header('content-type') ?? ''
      let source: ImportSource
      if (/^text\/csv\s*(;|$)/i.test(type)) source = { kind: 'csv', text: await c.req.text() }
      else if (type.toLowerCase().startsWith(CONTENT_TYPES.xlsx)) {
        source = { kind: 'xlsx', bytes: new Uint8Array(await c.req.arrayBuffer()) }
      } else if (/^application\/json\s*(;|$)/i.test(type)) {
        source = { kind: 'json', document: await parseJson(c, z.unknown()) }
      } else {
        throw new ApiError(
          415,
          'unsupported_media_type',
          `send a JSON export as application/json, a CSV export as text/csv or an XLSX export as ${CONTENT_TYPES.xlsx}`,
        )
      }
      try {
        const report = await importResponses(deps, c.var.principal, {
          survey: c.req.param('id'),
          source,
          region: query.region,
          skipInvalid: query.skipInvalid,
          dryRun: query.dryRun,
        })
        return c.json(report, 200)
      } catch (error) {
        if (error instanceof ImportRejected) {
          const details = error.report.issues.slice(0, MAX_DETAILS).map((i) => ({
            field: `row ${i.row}`,
            ...(i.question ? { question: i.question } : {}),
            message: i.message,
          }))
          throw new ApiError(422, 'invalid_import', error.message, details)
        }
        throw error
      }
    })
}
