import { describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { enqueueMail } from '../src/mail/outbox.js'
import { smtpSender } from '../src/mail/sender.js'
import { startServer } from '../src/server.js'
import { createScratchDatabase } from './databases.js'
import { startSmtp } from './smtp.js'

describe('startServer', () => {
  it('runs the mail worker while it serves, and stops it on close', async () => {
    const scratch = await createScratchDatabase()
    const smtp = await startSmtp()
    const writer = await openDatabase(scratch.url)
    try {
      await migrateToLatest(writer.kysely as never)
      const server = await startServer({
        databaseUrl: scratch.url,
        port: 0,
        mail: { sender: smtpSender(smtp.url), intervalMs: 20, log: () => {} },
      })
      const mail = {
        to: 'ada@example.com',
        locale: 'en',
        template: 'staff-note',
        data: { name: 'Ada', process: 'KYC' },
      } as const
      await enqueueMail(writer.kysely, mail)
      for (let i = 0; i < 500 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
      expect(smtp.received.map((m) => m.to)).toEqual([['ada@example.com']])

      await server.close()
      await enqueueMail(writer.kysely, { ...mail, to: 'bob@example.com' })
      await new Promise((r) => setTimeout(r, 150))
      expect(smtp.received).toHaveLength(1)
      const pending = await writer.kysely
        .selectFrom('outbox')
        .select('to_address')
        .where('status', '=', 'pending')
        .execute()
      expect(pending).toEqual([{ to_address: 'bob@example.com' }])
    } finally {
      await writer.close()
      await smtp.close()
      await scratch.drop()
    }
  })
})
