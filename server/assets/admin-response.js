// One response of the dashboard: its history (GET /api/responses/:id/history), the correction
// of its answers in the SurveyJS form of the version it answered (PATCH, validated on the
// server like a submission; problems shown per question) and its erasure (DELETE, after a
// confirmation that names what goes). Uses admin.js's helpers.
;(() => {
  const admin = window.gapkitAdmin
  if (!admin) return
  const { data, t, $, el, api, fill, shortTime, setStatus, failed } = admin.helpers
  const FLASH = 'gapkit-response-flash'
  const r = data.response
  const url = `/api/responses/${encodeURIComponent(r.id)}`
  const csrf = document.querySelector('meta[name="gapkit-csrf"]')?.content || ''

  const actionText = (action) => t[`act_${action.replaceAll('.', '_')}`] || action
  const reasonText = (reason) =>
    ({ replaced: t.reasonReplaced, corrected: t.reasonCorrected, edited: t.reasonEdited })[
      reason
    ] || reason

  const history = async () => {
    const list = $('ak-r-history')
    try {
      const story = await api('GET', `${url}/history`)
      const items = []
      for (const a of story.audit) {
        const who = a.actorName ? `${a.actorName} (${a.actor})` : a.actor
        const paths = Array.isArray(a.details?.changes)
          ? a.details.changes.map((c) => c.path).filter(Boolean)
          : []
        items.push({
          at: a.at,
          node: el(
            'li',
            { 'data-action': a.action },
            el('time', { dateTime: a.at, text: shortTime(a.at) }),
            ` ${actionText(a.action)} · ${who}`,
            a.details?.note ? el('div', { class: 'ak-note', text: a.details.note }) : null,
            paths.length
              ? el('div', {
                  class: 'ak-muted',
                  text: fill(t.changedPaths, { paths: paths.join(', ') }),
                })
              : null,
          ),
        })
      }
      for (const v of story.versions) {
        const who = v.replacedByName ? `${v.replacedByName} (${v.replacedBy})` : v.replacedBy
        items.push({
          at: v.replacedAt,
          node: el(
            'li',
            { 'data-revision': String(v.revision) },
            el('time', { dateTime: v.replacedAt, text: shortTime(v.replacedAt) }),
            ` ${fill(t.historyRevision, { at: shortTime(v.replacedAt), reason: reasonText(v.reason), who })}`,
          ),
        })
      }
      items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      list.replaceChildren(
        ...(items.length
          ? items.map((i) => i.node)
          : [el('li', { class: 'ak-muted', text: t.historyEmpty })]),
      )
    } catch (error) {
      list.replaceChildren(el('li', { class: 'ak-status', 'data-kind': 'error' }))
      failed(list.firstChild)(error)
    }
  }

  // ---- correction in the SurveyJS form of the response's own version
  let model = null
  const editor = () => {
    if (model) return model
    model = new window.Survey.Model(data.definition)
    if (data.surveyLocale) model.locale = data.surveyLocale
    model.data = structuredClone(r.answers)
    model.questionsOnPageMode = 'singlePage'
    model.showCompleteButton = false
    model.showNavigationButtons = false
    model.showProgressBar = 'off'
    model.showTitle = false
    window.SurveyUI.renderSurvey(model, $('ak-r-editor'))
    return model
  }
  const showEditor = (open) => {
    $('ak-r-editor-panel').hidden = !open
    $('ak-r-answers').hidden = open
    if (open) {
      editor()
      $('ak-r-note').focus()
    }
  }
  const showErrors = (details) => {
    $('ak-r-errors').replaceChildren(
      ...details.map((d) =>
        el(
          'li',
          { 'data-question': d.question || '' },
          d.question ? `${d.question}: ` : '',
          d.message,
        ),
      ),
    )
  }
  const save = async () => {
    const button = $('ak-r-save')
    button.disabled = true
    showErrors([])
    const note = $('ak-r-note').value.trim()
    const body = { answers: model.data, updatedAt: r.updatedAt, ...(note ? { note } : {}) }
    try {
      const res = await fetch(`${url}?lang=${encodeURIComponent(data.locale)}`, {
        method: 'PATCH',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-Gapkit-CSRF': csrf,
        },
        body: JSON.stringify(body),
      })
      const payload = await res.json().catch(() => null)
      if (!res.ok) {
        const details = payload?.error?.details || []
        showErrors(details)
        const message = details.length
          ? fill(t.correctionInvalid, { n: details.length })
          : fill(t.failed, { message: payload?.error?.message || `HTTP ${res.status}` })
        setStatus($('ak-r-flash'), message, 'error')
        button.disabled = false
        return
      }
      const n = Array.isArray(payload.changed) ? payload.changed.length : 0
      sessionStorage.setItem(FLASH, n ? fill(t.correctedOk, { n }) : t.correctedNothing)
      location.reload()
    } catch (error) {
      button.disabled = false
      failed($('ak-r-flash'))(error)
    }
  }

  // ---- erasure, after a confirmation that names what goes
  const erase = async () => {
    const button = $('ak-r-erase-confirm')
    button.disabled = true
    const reason = $('ak-r-erase-reason').value.trim()
    try {
      await api('DELETE', `${url}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`)
      sessionStorage.setItem('gapkit-survey-flash', fill(t.erasedOk, { id: r.shortId }))
      location.assign(data.surveyHref)
    } catch (error) {
      button.disabled = false
      failed($('ak-r-flash'))(error)
    }
  }

  const page = () => {
    const flash = sessionStorage.getItem(FLASH)
    sessionStorage.removeItem(FLASH)
    if (flash) setStatus($('ak-r-flash'), flash, 'ok')
    $('ak-r-correct')?.addEventListener('click', () => showEditor(true))
    $('ak-r-cancel').addEventListener('click', () => {
      showErrors([])
      showEditor(false)
    })
    $('ak-r-save').addEventListener('click', save)
    $('ak-r-erase')?.addEventListener('click', () => {
      $('ak-r-erase-panel').hidden = false
      $('ak-r-erase-cancel').focus()
    })
    $('ak-r-erase-cancel').addEventListener('click', () => {
      $('ak-r-erase-panel').hidden = true
    })
    $('ak-r-erase-confirm').addEventListener('click', erase)
    history()
  }

  admin.pages.response = page
})()
