import { type DestinationStream, type Logger, pino } from 'pino'
import type { LogLevel } from './config.js'

export type { Logger } from 'pino'

/**
 * The server's structured logger (pino, one JSON object per line on stdout). Secrets never reach
 * it: request logs name the route pattern, not the URL, and carry no header or body; the paths
 * below are censored in case a caller logs an object that holds one.
 * @example const logger = createLogger('info'); logger.info({ port }, 'listening')
 */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'portico-api' },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'password',
        '*.password',
        'token',
        '*.token',
        'headers.cookie',
        'smtpUrl',
        'secretKey',
      ],
      censor: '[redacted]',
    },
  }
  return destination ? pino(options, destination) : pino(options)
}
