import { useEffect } from 'preact/hooks'
import { passkeysOffered } from '../models/contact-flow.js'
import { emailedMethods, type PasswordlessModel, passwordless } from '../models/passwordless.js'
import { useWidget } from './context.js'
import { EmailField } from './EmailField.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { GoTo } from './GoTo.js'
import { Heading } from './Heading.js'
import { LiveMessage } from './Message.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

// Sign-in by e-mailed code, by e-mailed link and by passkey (docs/passwordless.md). One lazy chunk,
// loaded only where the portal offers one of them: the buttons of the login view and the views below.

function usePasswordless(): PasswordlessModel {
  return passwordless(useWidget().model)
}

/** The buttons of the login view that start a sign-in without a password, as the portal offers them. */
export function PasswordlessChoices() {
  const { model } = useWidget()
  const pwl = usePasswordless()
  const config = model.config.value
  const methods = emailedMethods(config)
  const passkey = passkeysOffered(config)
  const busy = pwl.passkey.busy.value
  // A portal may offer only passkeys, in a browser without them: then there is nothing to show here.
  if (!methods.length && !passkey) return null
  return (
    <div class="passwordless">
      {config?.signInMethods.includes('password') && <p class="muted">{pwl.t('other')}</p>}
      <div class="row">
        {methods.map((method) => (
          <button key={method} type="button" class="button secondary" onClick={() => pwl.open(method)}>
            {pwl.t(method === 'code' ? 'codeButton' : 'linkButton')}
          </button>
        ))}
        {passkey && (
          <button
            type="button"
            class="button secondary"
            aria-busy={busy}
            onClick={() => void pwl.signInWithPasskey()}
          >
            {pwl.t('passkey')}
          </button>
        )}
      </div>
      <LiveMessage message={pwl.passkeyNote.value} tone="info" />
      <FormMessage form={pwl.passkey} />
    </div>
  )
}

/** The view of a route of this chunk: the code's two steps, the link's two, or an opened link. */
export function PasswordlessView() {
  const { model } = useWidget()
  const pwl = usePasswordless()
  const route = model.route.value
  // Leaving these views drops their messages, keeping what was typed.
  useEffect(() => () => pwl.clearMessages(), [pwl])
  if (route.name === 'signin-link') return <OpenedLink key={route.token} token={route.token} />
  if (route.name === 'code' && route.sent) return <CodeStep />
  if (route.name === 'link' && route.sent) return <LinkSent />
  return <EmailStep method={route.name === 'link' ? 'link' : 'code'} />
}

function OtherWays() {
  return <GoTo to={{ name: 'login' }}>{usePasswordless().t('otherWays')}</GoTo>
}

/** Asks again, once the throttle allows, and shows how long it still asks to wait. */
function Resend({ method }: { method: 'code' | 'link' }) {
  const pwl = usePasswordless()
  const wait = pwl.wait.value
  return (
    <>
      <button type="button" class="link" disabled={wait > 0} onClick={() => void pwl.send(method)}>
        {pwl.t(method === 'code' ? 'codeAgain' : 'linkAgain')}
      </button>
      {wait > 0 && <span class="muted">{pwl.t('wait', { seconds: String(wait) })}</span>}
    </>
  )
}

/** First step of both: the e-mail to send the code or the link to. */
function EmailStep({ method }: { method: 'code' | 'link' }) {
  const pwl = usePasswordless()
  const form = pwl.request
  const wait = pwl.wait.value
  const code = method === 'code'
  return (
    <Form onSubmit={() => pwl.send(method)}>
      <Heading>{pwl.t(code ? 'codeTitle' : 'linkTitle')}</Heading>
      <p class="muted">{pwl.t(code ? 'codeIntro' : 'linkIntro')}</p>
      <EmailField form={form} />
      <FormMessage form={form} />
      <SubmitButton form={form} label={pwl.t(code ? 'codeSend' : 'linkSend')} />
      {wait > 0 && <p class="muted">{pwl.t('wait', { seconds: String(wait) })}</p>}
      <div class="row">
        <OtherWays />
      </div>
    </Form>
  )
}

/** Second step of the code: the 6 digits from the mail. */
function CodeStep() {
  const { t } = useWidget()
  const pwl = usePasswordless()
  const form = pwl.code
  return (
    <Form onSubmit={() => pwl.verify()}>
      <Heading>{pwl.t('codeTitle')}</Heading>
      <p class="muted">{pwl.t('codeSent', { email: pwl.sentTo.value })}</p>
      <TextField
        label={pwl.t('codeLabel')}
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        {...form.field('code')}
      />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('loginSubmit')} />
      <FormMessage form={pwl.request} />
      <div class="row">
        <Resend method="code" />
      </div>
      <div class="row">
        <GoTo to={{ name: 'code' }}>{pwl.t('otherEmail')}</GoTo>
        <OtherWays />
      </div>
    </Form>
  )
}

/** Second step of the link: it is on its way, open it in this browser. */
function LinkSent() {
  const pwl = usePasswordless()
  return (
    <div>
      <Heading>{pwl.t('linkTitle')}</Heading>
      <p>{pwl.t('linkSent', { email: pwl.sentTo.value })}</p>
      <FormMessage form={pwl.request} />
      <div class="row">
        <Resend method="link" />
      </div>
      <div class="row">
        <GoTo to={{ name: 'link' }}>{pwl.t('otherEmail')}</GoTo>
        <OtherWays />
      </div>
    </div>
  )
}

/**
 * A sign-in link opened on the portal page: who it signs in, and a button. Only that click's POST
 * uses the link up, so a mail scanner that fetched the page changed nothing.
 */
function OpenedLink({ token }: { token: string }) {
  const { t, model } = useWidget()
  const pwl = usePasswordless()
  useEffect(() => {
    void pwl.peek(token)
  }, [pwl, token])
  const peeked = pwl.peeked.value
  const dead = pwl.dead.value
  const failure = pwl.redeem.message.value
  const busy = pwl.redeem.busy.value
  const offersLink = emailedMethods(model.config.value).includes('link')
  return (
    <div>
      <Heading>{t('login')}</Heading>
      {dead ? (
        <>
          <LiveMessage message={dead} />
          <div class="row">
            {offersLink && (
              <button type="button" class="button" onClick={() => model.navigate({ name: 'link' })}>
                {pwl.t('newLink')}
              </button>
            )}
            <OtherWays />
          </div>
        </>
      ) : peeked ? (
        <>
          <p>{pwl.t('continueIntro', { name: peeked.name, email: peeked.email })}</p>
          <LiveMessage message={failure} />
          <button
            type="button"
            class="button"
            aria-disabled={busy ? 'true' : undefined}
            aria-busy={busy}
            onClick={() => void pwl.continueWith(token)}
          >
            {pwl.t('continueAs', { name: peeked.name || peeked.email })}
          </button>
          <div class="row">
            <OtherWays />
          </div>
        </>
      ) : failure ? (
        <>
          <LiveMessage message={failure} />
          <button type="button" class="button" onClick={() => void pwl.peek(token)}>
            {t('retry')}
          </button>
        </>
      ) : (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
    </div>
  )
}
