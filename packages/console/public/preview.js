// The console's portal preview: adds the portal's script tag, as a host page would, from the query.
;(() => {
  const query = new URLSearchParams(location.search)
  const loader = query.get('loader')
  const portal = query.get('portal')
  // Only this API's own loader path: the preview never loads a script from elsewhere.
  if (!loader || !loader.startsWith('/') || loader.startsWith('//') || !portal) return
  document.documentElement.lang = query.get('locale') === 'fr' ? 'fr' : 'en'
  const script = document.createElement('script')
  script.src = loader
  script.async = true
  script.dataset.portal = portal
  script.dataset.api = location.origin
  script.dataset.target = '#portal'
  const locale = query.get('locale')
  if (locale === 'en' || locale === 'fr') script.dataset.locale = locale
  const accent = query.get('accent')
  if (accent) script.dataset.themeAccent = accent
  document.body.append(script)
})()
