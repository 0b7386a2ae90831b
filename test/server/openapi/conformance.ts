/**
 * Checks real requests and answers against the OpenAPI document the server serves: the status
 * must be documented for the operation, the media type documented for that status, a JSON body
 * valid (ajv, draft 2020-12) against the documented schema; a request's path, query and body
 * are checked against the documented parameters and request body.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

export interface ParameterObject {
  name: string
  in: 'path' | 'query'
  required: boolean
  schema: Record<string, unknown>
}

interface MediaObject {
  schema?: unknown
}

interface ResponseObject {
  description: string
  content?: Record<string, MediaObject>
}

export interface OperationObject {
  security?: Record<string, unknown>[]
  parameters?: ParameterObject[]
  requestBody?: { required?: boolean; content: Record<string, MediaObject> }
  responses: Record<string, ResponseObject | { $ref: string }>
}

export interface OpenApiDocument {
  openapi: string
  paths: Record<string, Record<string, OperationObject>>
  components: {
    schemas: Record<string, unknown>
    responses: Record<string, ResponseObject>
    securitySchemes: Record<string, Record<string, unknown>>
  }
}

/** A request as sent, for the checks of its parts. */
export interface SentRequest {
  url: string
  /** The parsed JSON or form body, when there is one. */
  body?: { type: string; value: unknown }
}

const DOC_ID = 'https://gapkit.invalid/openapi.json'

/** A JSON Pointer as a URI fragment: `~` and `/` escaped, then percent-encoded. */
function pointer(...tokens: string[]): string {
  return `#/${tokens
    .map((t) => encodeURIComponent(t.replaceAll('~', '~0').replaceAll('/', '~1')))
    .join('/')}`
}

/** `/api/responses/{id}` → a regular expression of its concrete paths, capturing each parameter. */
function pathPattern(template: string): RegExp {
  const source = template
    .split(/(\{\w+\})/)
    .map((part) =>
      /^\{\w+\}$/.test(part)
        ? `(?<${part.slice(1, -1)}>[^/]+)`
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  return new RegExp(`^${source}$`)
}

/** A query or path value as its schema reads it: digits for an integer are a number. */
function coerce(value: string, schema: Record<string, unknown>): unknown {
  const numeric = schema.type === 'integer' || schema.type === 'number'
  return numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
}

export class Conformance {
  private readonly ajv: Ajv2020
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(readonly doc: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true })
    // The document's own keys are no JSON Schema keywords: known, and never validated.
    this.ajv.addVocabulary(Object.keys(doc))
    this.ajv.addFormat('date-time', (s: string) => /T/.test(s) && !Number.isNaN(Date.parse(s)))
    this.ajv.addSchema({ ...doc, $id: DOC_ID })
  }

  operation(method: string, path: string): OperationObject {
    const op = this.doc.paths[path]?.[method]
    if (!op) throw new Error(`no operation ${method.toUpperCase()} ${path}`)
    return op
  }

  /** The validator of the schema at a pointer into the document. */
  private validator(at: string): ValidateFunction {
    let validate = this.compiled.get(at)
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}${at}` })
      this.compiled.set(at, validate)
    }
    return validate
  }

  private errorsOf(at: string, value: unknown): string[] {
    const validate = this.validator(at)
    if (validate(value)) return []
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    )
  }

  /** The documented answer of a status, `$ref` resolved, and where its content lives. */
  private documented(method: string, path: string, status: string) {
    const raw = this.operation(method, path).responses[status]
    if (!raw) return undefined
    if ('$ref' in raw) {
      const name = raw.$ref.split('/').pop() ?? ''
      const response = this.doc.components.responses[name]
      return response && { response, at: ['components', 'responses', name] }
    }
    return { response: raw, at: ['paths', path, method, 'responses', status] }
  }

  /** Problems of an answer: its status, media type and JSON body against the document. */
  async checkAnswer(method: string, path: string, res: Response): Promise<string[]> {
    const body = Buffer.from(await res.arrayBuffer())
    const found = this.documented(method, path, String(res.status))
    if (!found) return [`status ${res.status} is not documented`]
    const content = found.response.content
    if (!content) return body.length > 0 ? ['a body where the document describes none'] : []
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
    const media = content[type]
    if (!media) return [`media type "${type}" is not one of ${Object.keys(content).join(', ')}`]
    if (body.length === 0) return ['an empty body']
    if (type !== 'application/json') return []
    let value: unknown
    try {
      value = JSON.parse(body.toString('utf8'))
    } catch {
      return ['a body that is not JSON']
    }
    return this.errorsOf(pointer(...found.at, 'content', type, 'schema'), value)
  }

  /**
   * Problems of a request against the document: the concrete path must fit the operation's
   * template; every query key but the token must be a documented parameter, and every path,
   * query and body value valid against its schema.
   */
  checkRequest(method: string, path: string, req: SentRequest): string[] {
    const op = this.operation(method, path)
    const url = new URL(req.url, 'http://localhost')
    const match = pathPattern(path).exec(url.pathname)
    if (!match) return [`${url.pathname} is not a path of ${path}`]
    const problems: string[] = []
    const params = op.parameters ?? []
    params.forEach((p, i) => {
      const raw = p.in === 'path' ? match.groups?.[p.name] : url.searchParams.get(p.name)
      if (raw === undefined || raw === null) {
        if (p.required) problems.push(`${p.in} parameter ${p.name} is missing`)
        return
      }
      const value = coerce(p.in === 'path' ? decodeURIComponent(raw) : raw, p.schema)
      const at = pointer('paths', path, method, 'parameters', String(i), 'schema')
      for (const e of this.errorsOf(at, value)) problems.push(`${p.in} ${p.name}: ${e}`)
    })
    for (const key of url.searchParams.keys()) {
      if (key !== 't' && !params.some((p) => p.in === 'query' && p.name === key)) {
        problems.push(`query parameter ${key} is not documented`)
      }
    }
    const content = op.requestBody?.content ?? {}
    if (!req.body) {
      if (op.requestBody?.required) problems.push('no body, but the document requires one')
      return problems
    }
    if (!content[req.body.type]) {
      return [...problems, `request media type ${req.body.type} is not documented`]
    }
    const at = pointer('paths', path, method, 'requestBody', 'content', req.body.type, 'schema')
    return [...problems, ...this.errorsOf(at, req.body.value).map((e) => `body ${e}`)]
  }
}
