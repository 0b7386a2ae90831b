// The downloads of the questionnaire page. The responses download: the link follows the
// choices of the form (format, responses, review, region, wave, codes or labels) and one
// sentence says what the file holds. The published link: publish the report as the analysis
// shows it, see the link once, list and revoke. Uses admin.js's helpers.
;(() => {
  const admin = window.gapkitAdmin
  if (!admin) return
  const { t, $, fill, el, api, data, shortTime, setStatus, failed, badge } = admin.helpers

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
      // Column names are CSV's and Excel's: hidden for JSON; in the link when not the default.
      const headers = $('ak-d-headers')
      const chosenHeaders = json ? '' : headers?.value || ''
      const defaultHeaders = [...(headers?.options || [])].find((o) => o.defaultSelected)?.value
      if (headers) headers.closest('label').style.display = json ? 'none' : ''
      const params = new URLSearchParams({
        format: semicolon ? 'csv' : format,
        status: value('ak-d-status'),
        review: value('ak-d-review'),
      })
      if (value('ak-d-region')) params.set('region', value('ak-d-region'))
      if (value('ak-d-wave')) params.set('wave', value('ak-d-wave'))
      if (!json && values.value) params.set('labels', values.value)
      if (semicolon) params.set('delimiter', ';')
      if (chosenHeaders && chosenHeaders !== defaultHeaders) params.set('headers', chosenHeaders)
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
      const kobo =
        chosenHeaders === 'kobo' ? (format === 'xlsx' ? t.dlPhraseKobo : t.dlPhraseKoboCsv) : ''
      const what = `${parts.join(', ')}${semicolon ? t.dlPhraseSemicolon : ''}${kobo}`
      includes.textContent = fill(t.dlIncludes, { what })
    }
    form.addEventListener('change', update)
    update()
  }

  const publishing = () => {
    const table = $('ak-publications')
    if (!table) return
    const p = data.publishText
    const tbody = table.querySelector('tbody')
    const status = $('ak-publish-status')
    const base = `/api/surveys/${encodeURIComponent(table.dataset.survey)}/publications`
    const chosen = (id) => $(id)?.value || ''
    // The grouping's label as the analysis controls show it.
    const byLabel = (by) =>
      [...($('ak-a-by')?.options || [])].find((o) => o.value === (by || 'region'))?.textContent ||
      by ||
      'region'

    const row = (r) =>
      el(
        'tr',
        { 'data-publication': String(r.id) },
        el(
          'th',
          { scope: 'row' },
          r.name || '',
          ' ',
          el('span', { class: 'ak-id', text: r.prefix }),
        ),
        el('td', { text: r.lang }),
        el('td', { text: byLabel(r.by) }),
        el('td', { text: r.wave || p.latest }),
        el('td', { class: 'ak-nowrap', text: shortTime(r.createdAt) }),
        el(
          'td',
          {},
          r.state === 'revoked'
            ? badge('rejected', `${p.revokedOn} ${shortTime(r.revokedAt)}`)
            : badge('approved', p.live),
        ),
        el(
          'td',
          {},
          r.state === 'revoked' || !data.can?.publish
            ? null
            : el('button', {
                type: 'button',
                class: 'ak-danger',
                'data-unpublish': String(r.id),
                text: p.revoke,
              }),
        ),
      )

    const refresh = async () => {
      const { publications } = await api('GET', base)
      tbody.replaceChildren(
        ...(publications.length
          ? publications.map(row)
          : [el('tr', {}, el('td', { colSpan: 7, class: 'ak-muted', text: p.noPublished }))]),
      )
    }

    $('ak-publish-form')?.addEventListener('submit', async (event) => {
      event.preventDefault()
      const body = { lang: data.locale }
      const name = chosen('ak-pub-name').trim()
      if (name) body.name = name
      if (chosen('ak-a-by') && chosen('ak-a-by') !== 'region') body.by = chosen('ak-a-by')
      if (chosen('ak-a-wave')) body.wave = chosen('ak-a-wave')
      const button = $('ak-publish')
      button.disabled = true
      try {
        const created = await api('POST', base, body)
        const link = $('ak-published-url')
        link.textContent = created.url
        link.href = created.url
        $('ak-published').hidden = false
        $('ak-pub-name').value = ''
        setStatus(status, p.publishedOk, 'ok')
        await refresh()
      } catch (error) {
        failed(status)(error)
      } finally {
        button.disabled = false
      }
    })

    tbody.addEventListener('click', async (event) => {
      const button = event.target.closest('button[data-unpublish]')
      if (!button) return
      if (button.dataset.armed !== 'true') {
        // Two clicks, no dialog: the first arms the button for a few seconds.
        button.dataset.armed = 'true'
        button.textContent = p.confirmRevoke
        setTimeout(() => {
          if (button.isConnected) {
            button.dataset.armed = ''
            button.textContent = p.revoke
          }
        }, 5000)
        return
      }
      button.disabled = true
      try {
        await api('DELETE', `${base}/${encodeURIComponent(button.dataset.unpublish)}`)
        setStatus(status, p.unpublishedOk, 'ok')
        await refresh()
      } catch (error) {
        button.disabled = false
        failed(status)(error)
      }
    })

    refresh().catch(failed(status))
  }

  const survey = admin.pages.survey
  admin.pages.survey = () => {
    survey?.()
    downloads()
    publishing()
  }
})()
