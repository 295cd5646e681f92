import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Locale, Translate } from '../i18n/index.js'
import type { PortalModel } from '../models/PortalModel.js'

/** What every component of one mounted widget shares. */
export interface WidgetContextValue {
  model: PortalModel
  t: Translate
  locale: Locale
}

/** The context of one mounted widget. */
export const WidgetContext = createContext<WidgetContextValue | null>(null)

/** Reads the context of the mounted widget the component renders in. */
export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext)
  if (!value) throw new Error('[portico] component rendered outside a mounted widget')
  // The model decides the language; the context's copy is kept for callers that pass one.
  return { model: value.model, t: value.model.t, locale: value.model.locale }
}
