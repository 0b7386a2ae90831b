/**
 * zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) for the API document. Request
 * parts are converted as zod reads them (`io: 'input'`: a key with a default may be absent),
 * response bodies as the server writes them (`io: 'output'`).
 */
import { z } from 'zod'

export type JsonSchema = Record<string, unknown>

/** One OpenAPI parameter object. */
export interface Parameter {
  name: string
  in: 'path' | 'query'
  required: boolean
  description?: string
  schema: JsonSchema
}

/** Component schemas, referred to by their id. */
export type SchemaRegistry = z.core.$ZodRegistry<{ id: string }>

export const schemaRef = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` })

/** Each JSON Schema stands alone; in the document it is a part, without its own dialect or id. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema
  return rest
}

/** One schema, inline (no component references). */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return bare(z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as JsonSchema)
}

/** Every schema of a registry by id, a registered schema inside another one as a `$ref`. */
export function toComponentSchemas(
  registry: SchemaRegistry,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  })
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, bare(s as JsonSchema)]))
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  if (schema.type !== 'object' || typeof schema.properties !== 'object') {
    throw new Error('openapi: expected an object schema')
  }
  return schema.properties as Record<string, JsonSchema>
}

/**
 * Adds a description to properties of an object schema. A description of a property the schema
 * does not have throws: the prose cannot outlive the field it describes.
 */
export function describeProperties(
  schema: JsonSchema,
  descriptions: Record<string, string>,
): JsonSchema {
  const properties = propertiesOf(schema)
  for (const [name, description] of Object.entries(descriptions)) {
    const property = properties[name]
    if (!property) throw new Error(`openapi: no property "${name}" to describe`)
    properties[name] = { ...property, description }
  }
  return schema
}

/** The token `t` is a security scheme (`tokenQuery`), not a parameter of each operation. */
const TOKEN = 't'

/**
 * The query parameters of a query schema (an object of its keys), each described when
 * `descriptions` names it (a description of a key the schema lacks throws). zod lists a key with
 * a `.catch()` as required although an absent one is caught: a key with a default is optional.
 */
export function queryParameters(
  schema: z.ZodType,
  descriptions: Record<string, string> = {},
): Parameter[] {
  const json = toJsonSchema(schema, 'input')
  const properties = propertiesOf(json)
  for (const name of Object.keys(descriptions)) {
    if (!properties[name]) throw new Error(`openapi: no query parameter "${name}" to describe`)
  }
  const required = new Set((json.required as string[] | undefined) ?? [])
  return Object.entries(properties)
    .filter(([name]) => name !== TOKEN)
    .map(([name, property]) => ({
      name,
      in: 'query' as const,
      required: required.has(name) && !('default' in property),
      ...(descriptions[name] ? { description: descriptions[name] } : {}),
      schema: property,
    }))
}

/** A path parameter: a string unless the route parses it with a schema. */
export function pathParameter(
  name: string,
  description: string,
  schema: z.ZodType = z.string(),
): Parameter {
  return { name, in: 'path', required: true, description, schema: toJsonSchema(schema, 'input') }
}
