import { describe, expect, it } from 'vitest'
import { typographyFaults } from '../../schema/test/typography.js'
import { en, fr } from '../src/i18n/catalogues.js'
import { SHARE_TEXT } from '../src/i18n/contract-share.js'
import { IDENTITY_TEXT } from '../src/i18n/identity.js'

/** Every French text of the console: the main catalogue and the views' own ones. */
const french = [
  ...Object.entries(fr),
  ...Object.entries(IDENTITY_TEXT.fr).map(([k, v]) => [`identity.${k}`, v]),
  ...Object.entries(SHARE_TEXT.fr).map(([k, v]) => [`share.${k}`, v]),
]

describe('the console’s French', () => {
  it('puts a narrow no-break space before : ; ? ! and inside « », in every string', () => {
    expect(french.length).toBeGreaterThan(Object.keys(en).length)
    const faults = french.flatMap(([key, text]) =>
      typographyFaults(text ?? '').map((fault) => `${key}: ${fault}`),
    )
    expect(faults).toEqual([])
  })

  it('counts a plain space and a missing space as faults, and URLs, times and :* as none', () => {
    expect(typographyFaults('Erreur : « x» ; oui! non\u202f?')).toEqual([' :', ' ;', 'i!', '« ', 'x»'])
    expect(typographyFaults('https://a.example:8080 à 10:30, :* tout port')).toEqual([])
  })
})
