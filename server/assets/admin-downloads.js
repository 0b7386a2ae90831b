// The responses download of the questionnaire page: the link follows the choices of the form
// (format, responses, review, region, wave, codes or labels) and one sentence says what the
// file holds. Uses admin.js's helpers.
;(() => {
  const admin = window.gapkitAdmin
  if (!admin) return
  const { t, $, fill } = admin.helpers

  const downloads = () => {
    const form = $('ak-download-form')
    const link = $('ak-download')
    const includes = $('ak-download-includes')
    if (!form || !link || !includes) return
    const value = (id) => $(id).value
    const chosenText = (id) => $(id).selectedOptions[0]?.textContent || ''
    const languageOf = (select) => {
      // "Labels (Italian)" → "Italian"
      const match = /\(([^)]+)\)\s*$/.exec(select.selectedOptions[0]?.textContent || '')
      return match ? match[1] : select.value
    }

    const update = () => {
      const format = value('ak-d-format')
      const semicolon = format === 'csv;'
      const json = format === 'json'
      const values = $('ak-d-values')
      values.disabled = json
      const params = new URLSearchParams({
        format: semicolon ? 'csv' : format,
        status: value('ak-d-status'),
        review: value('ak-d-review'),
      })
      if (value('ak-d-region')) params.set('region', value('ak-d-region'))
      if (value('ak-d-wave')) params.set('wave', value('ak-d-wave'))
      if (!json && values.value) params.set('labels', values.value)
      if (semicolon) params.set('delimiter', ';')
      link.href = `/api/surveys/${encodeURIComponent(form.dataset.survey)}/responses?${params}`

      const status = { submitted: t.dlPhraseSubmitted, all: t.dlPhraseAll, draft: t.dlPhraseDrafts }
      const review = {
        'not-rejected': t.dlPhraseNotRejected,
        approved: t.dlPhraseApproved,
        all: t.dlPhraseAllReviews,
      }
      const parts = [
        status[value('ak-d-status')],
        review[value('ak-d-review')],
        value('ak-d-wave')
          ? fill(t.dlPhraseWave, { wave: value('ak-d-wave') })
          : t.dlPhraseAllWaves,
        value('ak-d-region')
          ? fill(t.dlPhraseRegion, { region: chosenText('ak-d-region') })
          : t.dlPhraseAllRegions,
        json
          ? t.dlPhraseJson
          : values.value
            ? fill(t.dlPhraseLabels, { language: languageOf(values) })
            : t.dlPhraseCodes,
      ]
      const what = `${parts.join(', ')}${semicolon ? t.dlPhraseSemicolon : ''}`
      includes.textContent = fill(t.dlIncludes, { what })
    }
    form.addEventListener('change', update)
    update()
  }

  const survey = admin.pages.survey
  admin.pages.survey = () => {
    survey?.()
    downloads()
  }
})()
