import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/ops/config.js'

function problemsOf(env: NodeJS.ProcessEnv, flags = {}): string[] {
  try {
    loadConfig(env, flags)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('server configuration', () => {
  it('lists every mistake at once, one message each, never printing a password', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      SMTP_URL: 'http://user:hunter2@mail.example',
      LOG_LEVEL: 'loud',
      TRUST_PROXY: 'yes',
      PORTICO_STORAGE: 's3',
      S3_BUCKET: 'files',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      METRICS_PORT: '70000',
    })
    expect(problems).toEqual([
      'PORT="eighty" must be a whole number from 0 to 65535',
      expect.stringMatching(/^PORTICO_PUBLIC_URL is required in production: /),
      'SMTP_URL="http://user:***@mail.example/" is not a smtp: or smtps: URL, e.g. smtp://user:pass@mail.example.com:587',
      'TRUST_PROXY="yes" must be a whole number from 0 to 10',
      expect.stringMatching(/^PORTICO_SECRET_KEY is required in production: /),
      'LOG_LEVEL="loud" must be one of trace, debug, info, warn, error, fatal, silent',
      'METRICS_PORT="70000" must be a whole number from 0 to 65535',
      'PORTICO_STORAGE=s3 needs S3_ACCESS_KEY_ID',
      'PORTICO_STORAGE=s3 needs S3_SECRET_ACCESS_KEY',
    ])
    expect(problems.join('\n')).not.toContain('hunter2')
  })

  it('refuses a silent localhost public URL in production, allows it in development', () => {
    expect(problemsOf({ PORTICO_SECRET_KEY: 'k'.repeat(32) })).toEqual([
      expect.stringContaining('PORTICO_PUBLIC_URL is required in production'),
    ])
    const dev = loadConfig({ NODE_ENV: 'development', PORT: '9000' })
    expect(dev).toMatchObject({ mode: 'development', publicUrl: 'http://localhost:9000/', port: 9000 })
  })

  it('reads a complete production configuration, flags winning over the environment', () => {
    const config = loadConfig(
      {
        HOST: '0.0.0.0',
        PORT: '8080',
        DATABASE_URL: 'postgres://portico@db/portico',
        PORTICO_PUBLIC_URL: 'https://www.example.com/client-area',
        PORTICO_SECRET_KEY: 's'.repeat(44),
        SMTP_URL: 'smtps://u:p@mail.example.com:465',
        MAIL_FROM: 'Acme <no-reply@acme.example>',
        TRUST_PROXY: '2',
        LOG_LEVEL: 'warn',
        METRICS_PORT: '9464',
        PORTICO_STORAGE: 's3',
        S3_BUCKET: 'acme',
        S3_PREFIX: 'portico/',
        S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com',
        S3_REGION: 'eu-west-1',
        S3_ACCESS_KEY_ID: 'AKIA',
        S3_SECRET_ACCESS_KEY: 'secret',
      },
      { port: '8081' },
    )
    expect(config).toMatchObject({
      mode: 'production',
      host: '0.0.0.0',
      port: 8081,
      trustProxy: 2,
      logLevel: 'warn',
      metrics: { host: '127.0.0.1', port: 9464 },
      storage: { kind: 's3', bucket: 'acme', prefix: 'portico/', region: 'eu-west-1', pathStyle: false },
    })
  })
})
