import { describe, expect, it } from 'vitest'
import { fieldErrors, RegisterBody } from '../src/index.js'

describe('RegisterBody', () => {
  it('normalises the e-mail and accepts a complete body', () => {
    const parsed = RegisterBody.parse({
      name: ' Ada ',
      email: ' Ada@Example.COM ',
      password: 'correct horse',
      process: 'kyc',
    })
    expect(parsed).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'correct horse',
      process: 'kyc',
    })
  })

  it('reports one message per invalid field', () => {
    const result = RegisterBody.safeParse({ name: '', email: 'nope', password: 'short', process: 'kyc' })
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error?.issues ?? [])).toEqual([
      { field: 'name', message: 'Enter your name' },
      { field: 'email', message: 'Enter a valid e-mail address' },
      { field: 'password', message: 'Use at least 8 characters' },
    ])
  })
})
