/** The console's catalogues, for browser tests that click through the console in either language. */

export type { Messages } from './en.js'
export { en } from './en.js'
export { fr } from './fr.js'
