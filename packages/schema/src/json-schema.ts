import * as z from 'zod/mini'

/**
 * The JSON Schema of one of this package's schemas, for the API's OpenAPI document. Types JSON
 * Schema cannot express (transforms, refinements) become unconstrained.
 * @example jsonSchemaOf(RegisterBody, 'input')
 */
export function jsonSchemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return json
}
