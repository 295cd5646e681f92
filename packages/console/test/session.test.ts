import { describe, expect, it } from 'vitest'
import { HttpError } from '../src/api/errors.js'
import { FormModel } from '../src/models/FormModel.js'
import { sessionTokenStore } from '../src/models/token-store.js'

class MemoryStorage {
  private map = new Map<string, string>()
  getItem(key: string) {
    return this.map.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.map.set(key, value)
  }
  removeItem(key: string) {
    this.map.delete(key)
  }
}

describe('the session token store', () => {
  it('keeps the token for the tab (sessionStorage) and forgets it on sign-out', () => {
    const storage = new MemoryStorage() as unknown as Storage
    const store = sessionTokenStore(storage)
    expect(store.get()).toBeNull()
    store.set('ps_secret')
    expect(sessionTokenStore(storage).get()).toBe('ps_secret')
    store.set(null)
    expect(sessionTokenStore(storage).get()).toBeNull()
  })

  it('still works in memory when storage throws', () => {
    const broken = {
      getItem() {
        throw new Error('denied')
      },
      setItem() {
        throw new Error('denied')
      },
      removeItem() {},
    } as unknown as Storage
    const store = sessionTokenStore(broken)
    store.set('ps_x')
    expect(store.get()).toBe('ps_x')
  })
})

describe('a form', () => {
  it('keeps what was typed and puts field messages next to their fields when the API refuses', async () => {
    const form = new FormModel({ email: 'not-an-email', name: 'Ann' })
    const answer = await form.submit(async () => {
      throw new HttpError(400, {
        type: 'validation',
        title: 'Invalid request body',
        status: 400,
        errors: [{ field: 'email', message: 'Enter a valid e-mail address' }],
      })
    })
    expect(answer).toBeUndefined()
    expect(form.values.value).toEqual({ email: 'not-an-email', name: 'Ann' })
    expect(form.errors.value).toEqual({ email: 'Enter a valid e-mail address' })
    form.set('email', 'ann@example.com')
    expect(form.errors.value).toEqual({})
  })
})
