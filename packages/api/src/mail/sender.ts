import { createTransport } from 'nodemailer'

/** One message as the worker hands it to a sender. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
}

/** Delivers messages: resolves once the message is accepted, rejects when it was not. */
export interface MailSender {
  send(message: MailMessage): Promise<void>
  close(): void
}

/** The sender address when `MAIL_FROM` is not set. */
export const DEFAULT_MAIL_FROM = 'Portico <no-reply@portico.localhost>'

/**
 * Sends over SMTP with nodemailer, e.g. `smtp://user:pass@mail.example:587`.
 * @example const sender = smtpSender('smtp://127.0.0.1:2525')
 */
export function smtpSender(url: string, from: string = DEFAULT_MAIL_FROM): MailSender {
  const transport = createTransport(url)
  return {
    async send(message) {
      await transport.sendMail({ from, ...message })
    },
    close: () => transport.close(),
  }
}

/** Prints messages instead of sending them: the default when no SMTP server is configured. */
export function consoleSender(print: (line: string) => void = console.log): MailSender {
  return {
    async send(message) {
      print(`[portico] mail (no SMTP_URL set) to ${message.to}: ${message.subject}\n${message.text}`)
    },
    close() {},
  }
}

/** SMTP when `SMTP_URL` is set, else the console; `MAIL_FROM` names the sender. */
export function senderFromEnv(env: NodeJS.ProcessEnv = process.env): MailSender {
  return env.SMTP_URL ? smtpSender(env.SMTP_URL, env.MAIL_FROM || DEFAULT_MAIL_FROM) : consoleSender()
}
