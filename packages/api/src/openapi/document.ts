import { jsonSchemaOf, PROBLEM_CONTENT_TYPE, Problem } from '@portico/schema'
import { ROUTES, type RouteDoc } from './routes.js'

type Json = Record<string, unknown>

function schemaOf(schema: unknown, io: 'input' | 'output'): Json {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return { type: 'object' }
  return jsonSchemaOf(schema as Parameters<typeof jsonSchemaOf>[0], io)
}

const problem = {
  description: 'Problem',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
}

function operation(route: RouteDoc): Json {
  const status = String(route.status ?? 200)
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  const responses: Json = {
    [status]:
      status === '204'
        ? { description: 'No content' }
        : {
            description: 'OK',
            content: { 'application/json': { schema: schemaOf(route.response, 'output') } },
          },
    '4XX': problem,
  }
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(params.length ? { parameters: params } : {}),
    ...(route.auth === 'none'
      ? { security: [] }
      : { security: [{ [route.auth === 'admin' ? 'apiKey' : 'session']: [] }] }),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: route.body.multipart
              ? {
                  'multipart/form-data': {
                    schema: {
                      type: 'object',
                      required: ['file'],
                      properties: { file: { type: 'string', format: 'binary' }, field: { type: 'string' } },
                    },
                  },
                }
              : { 'application/json': { schema: schemaOf(route.body.schema, 'input') } },
          },
        }
      : {}),
    responses,
  }
}

/** The OpenAPI 3.1 document of the API, built from the route table and the schema package. */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {}
  for (const route of ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version: '0.1.0',
      description: 'Companion API of the Portico client-portal SDK.',
    },
    paths,
    components: {
      schemas: { Problem: schemaOf(Problem, 'output') },
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'A contact session token (pt_…)' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation admin API key (pk_…)' },
      },
    },
  }
}
