import type {
  AcceptInvitationBody,
  ForgotPasswordBody,
  LoginBody,
  RegisterBody,
  ResetPasswordBody,
} from '@portico/schema'
import { FormModel, normalizeEmail, ruleValidator } from './FormModel.js'

type Rules = typeof import('../validators.js')['rules']
type Rule = (value: string) => string | null

/** What the auth forms read from the portal when they build a request body. */
export interface AuthFormContext {
  /** Slug of the chosen process (register). */
  process(): string
  /** The token of the e-mailed link the route carries (reset, invitation). */
  token(): string
  /** Puts a field's message into the widget's language. */
  localize(field: string, message: string): string
  /** Slug of the portal: drafts are kept per portal. */
  portal: string
  /** Whether the portal offers password sign-in (else registering asks for no password). */
  passwords(): boolean
}

interface AuthFormSpec<V extends Record<string, string>, B> {
  initial: V
  rules: (rules: Rules, ctx: AuthFormContext) => Partial<Record<keyof V & string, Rule>>
  body: (values: V, ctx: AuthFormContext) => B
  /** Keep what was typed (never the password) for a reload. */
  draft?: true
}

const spec = <V extends Record<string, string>, B>(form: AuthFormSpec<V, B>) => form
const trimmed = (name: string) => (name.trim() ? { name: name.trim() } : {})

/** The five forms of a visitor, declared once: fields, rules and the body each one sends. */
export const AUTH_FORMS = {
  login: spec<{ email: string; password: string }, LoginBody>({
    initial: { email: '', password: '' },
    // Empty is the only thing a login checks: the 8-character rule is for choosing a password.
    rules: (r) => ({ email: r.email, password: (v: string) => (v ? null : 'required') }),
    body: (v) => ({ email: normalizeEmail(v.email), password: v.password }),
    draft: true,
  }),
  register: spec<{ name: string; email: string; password: string }, RegisterBody>({
    initial: { name: '', email: '', password: '' },
    rules: (r, ctx) => ({ name: r.name, email: r.email, ...(ctx.passwords() && { password: r.password }) }),
    body: (v, ctx) => ({
      name: v.name.trim(),
      email: normalizeEmail(v.email),
      ...(ctx.passwords() && { password: v.password }),
      process: ctx.process(),
    }),
    draft: true,
  }),
  forgot: spec<{ email: string }, ForgotPasswordBody>({
    initial: { email: '' },
    rules: (r) => ({ email: r.email }),
    body: (v) => ({ email: normalizeEmail(v.email) }),
    draft: true,
  }),
  reset: spec<{ password: string }, ResetPasswordBody>({
    initial: { password: '' },
    rules: (r) => ({ password: r.password }),
    body: (v, ctx) => ({ token: ctx.token(), password: v.password }),
  }),
  invite: spec<{ name: string; password: string }, AcceptInvitationBody>({
    initial: { name: '', password: '' },
    rules: (r) => ({ password: r.password }),
    body: (v, ctx) => ({ token: ctx.token(), password: v.password, ...trimmed(v.name) }),
  }),
}

type Table = typeof AUTH_FORMS
/** The name of an auth form, which is also the route that shows it. */
export type AuthFormName = keyof Table
/** The auth forms' models, typed by the table. */
export type AuthForms = {
  [K in AuthFormName]: Table[K] extends AuthFormSpec<infer V, infer B> ? FormModel<V, B> : never
}

/** Builds the models of the table's forms. */
export function createAuthForms(ctx: AuthFormContext): AuthForms {
  const build = <V extends Record<string, string>, B>(name: string, form: AuthFormSpec<V, B>) =>
    new FormModel<V, B>(
      form.initial,
      ruleValidator<V, B>(
        (r) => form.rules(r, ctx),
        ctx.localize,
        (v) => form.body(v, ctx),
      ),
      () => false,
      form.draft ? { key: `portico:${ctx.portal}:${name}`, secret: ['password'] } : undefined,
    )
  return Object.fromEntries(
    Object.entries(AUTH_FORMS).map(([name, form]) => [
      name,
      build(name, form as unknown as AuthFormSpec<Record<string, string>, unknown>),
    ]),
  ) as unknown as AuthForms
}

/** Whether a route name is one of the auth forms. */
export function isAuthForm(name: string): name is AuthFormName {
  return name in AUTH_FORMS
}
