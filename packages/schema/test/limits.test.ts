import { describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'
import { jsonSchemaOf, LIMITS, OPERATIONS, RegisterBody } from '../src/index.js'

type Json = Record<string, unknown>

/** Every place in a JSON Schema where a string, a list or a free-form object has no upper bound. */
function unbounded(schema: Json, path: string, out: string[]): void {
  const stack: [Json, string][] = [[schema, path]]
  while (stack.length) {
    const [node, where] = stack.pop()!
    if (node.type === 'string' && node.maxLength === undefined && !node.enum && node.const === undefined) {
      out.push(`${where}: string without maxLength`)
    }
    if (node.type === 'array' && node.maxItems === undefined) out.push(`${where}: array without maxItems`)
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [name, inner] of Object.entries(value)) stack.push([inner as Json, `${where}.${name}`])
      } else if (
        ['items', 'additionalProperties', 'propertyNames'].includes(key) &&
        value &&
        typeof value === 'object'
      ) {
        stack.push([value as Json, `${where}.${key}`])
      } else if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value)) {
        for (const inner of value) stack.push([inner as Json, where])
      }
    }
  }
}

describe('LIMITS', () => {
  it('bound every string and list of every body, query and path of the route table', () => {
    const problems: string[] = []
    for (const [id, op] of Object.entries(OPERATIONS)) {
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = (op as Record<string, unknown>)[part]
        if (!schema || schema === 'multipart') continue
        unbounded(jsonSchemaOf(schema as z.core.$ZodType, 'input'), `${id}.${part}`, problems)
      }
    }
    expect(problems).toEqual([])
  })

  it('limit e-mail to 254 characters and form data to a bounded number of fields', () => {
    const base = { name: 'A', password: 'a long password', process: 'kyc' }
    const long = `${'a'.repeat(243)}@example.com`
    expect(long).toHaveLength(255)
    expect(RegisterBody.safeParse({ ...base, email: long }).success).toBe(false)
    expect(RegisterBody.safeParse({ ...base, email: long.slice(1) }).success).toBe(true)
    const data = Object.fromEntries(Array.from({ length: LIMITS.objectKeys + 1 }, (_, i) => [`f${i}`, 'x']))
    expect(RegisterBody.safeParse({ ...base, email: 'a@b.co', data }).success).toBe(false)
  })
})
