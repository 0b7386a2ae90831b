// The partner form: SurveyJS rendered from our own assets, autosaved to this device at every
// change and to the server as a draft, resumable from the same link, submitted with the
// server's verdict shown next to the questions.
;(() => {
  const data = JSON.parse(document.getElementById('gk-data').textContent)
  const params = new URLSearchParams(location.search)
  const token = params.get('t') || ''
  const storeKey = `gapkit:${data.survey}:${data.region}`
  const statusEl = document.getElementById('gk-status')
  const langSelect = document.getElementById('gk-lang')
  const langLabel = document.getElementById('gk-lang-label')

  const model = new Survey.Model(data.definition)
  model.setVariable('region', data.region)
  model.locale = data.locale === 'en' ? '' : data.locale

  const text = (key) => (data.text[currentLocale()] || data.text.en)?.[key] || key
  const currentLocale = () => model.locale || 'en'
  const setStatus = (key) => {
    statusEl.textContent = key ? text(key) : ''
    statusEl.dataset.state = key || ''
  }

  // --- Local copy: written at every change, so a lost connection or a reload loses nothing.
  const readLocal = () => {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || 'null')
    } catch {
      return null
    }
  }
  let local = readLocal() || {}
  // A link naming another response than the one kept here starts from that response.
  if (params.get('r') && local.responseId && local.responseId !== params.get('r')) local = {}
  if (!local.submissionKey)
    local.submissionKey = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)
  const writeLocal = () => {
    local.answers = model.data
    local.page = model.currentPageNo
    local.locale = currentLocale()
    local.savedAt = Date.now()
    try {
      localStorage.setItem(storeKey, JSON.stringify(local))
    } catch {
      // Storage full or disabled: the server draft still protects the answers.
    }
  }

  const api = async (method, url, body) => {
    const res = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    let payload = null
    try {
      payload = await res.json()
    } catch {
      payload = null
    }
    return { status: res.status, body: payload }
  }

  // --- Server draft: debounced, one request at a time, retried when back online.
  let responseId = params.get('r') || local.responseId || null
  let timer = null
  let saving = null
  let dirty = false
  const rememberId = (id) => {
    responseId = id
    local.responseId = id
    writeLocal()
    const url = new URL(location.href)
    url.searchParams.set('r', id)
    history.replaceState(null, '', url)
  }
  const saveDraft = async () => {
    if (saving) {
      dirty = true
      return saving
    }
    dirty = false
    setStatus('saving')
    const body = { answers: model.data, draft: true, language: currentLocale() }
    saving = (async () => {
      try {
        const res = responseId
          ? await api('PUT', `/api/responses/${encodeURIComponent(responseId)}`, body)
          : await api('POST', `/api/surveys/${encodeURIComponent(data.survey)}/responses`, {
              ...body,
              submissionKey: local.submissionKey,
            })
        if (res.status === 200 || res.status === 201) {
          if (!responseId && res.body && res.body.id) rememberId(res.body.id)
          setStatus('saved')
        } else if (res.status === 409 && responseId) {
          // Already submitted elsewhere: nothing more to save.
          setStatus('saved')
        } else if (res.status === 422) {
          showServerErrors(res.body)
          setStatus('savedLocal')
        } else {
          setStatus('savedLocal')
        }
      } catch {
        setStatus('savedLocal')
      } finally {
        saving = null
        if (dirty) schedule()
      }
    })()
    return saving
  }
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(saveDraft, 1200)
  }
  window.addEventListener('online', () => schedule())

  // --- Server validation messages next to their questions.
  const showServerErrors = (body) => {
    const details = body?.error?.details || []
    let first = null
    for (const d of details) {
      const name = String(d.question || '').split('.')[0]
      const q = name ? model.getQuestionByName(name) : null
      if (q) {
        q.addError(d.message)
        if (!first) first = q
      }
    }
    if (first) {
      model.focusQuestion(first.name)
    } else if (details.length) {
      alert(`${text('fix')}\n${details.map((d) => d.message).join('\n')}`)
    }
  }

  // Answers of questions hidden by a condition are kept in drafts (the respondent may come
  // back to them) but are not part of a submission, as SurveyJS itself clears them on completion.
  const visibleAnswers = () => {
    const answers = { ...model.data }
    const visible = new Set(model.getAllQuestions(true).map((q) => q.getValueName()))
    for (const q of model.getAllQuestions(false)) {
      const name = q.getValueName()
      if (!visible.has(name)) {
        delete answers[name]
        delete answers[`${name}-Comment`]
      }
    }
    return answers
  }

  // --- Submit: the server decides; the thank-you page only after it accepted.
  let accepted = false
  model.onCompleting.add((_, options) => {
    if (accepted) return
    options.allow = false
    const body = { answers: visibleAnswers(), draft: false, language: currentLocale() }
    const put = () => api('PUT', `/api/responses/${encodeURIComponent(responseId)}`, body)
    const send = async () => {
      // A draft save still under way would otherwise race the submission.
      clearTimeout(timer)
      if (saving) await saving
      if (responseId) return put()
      const res = await api('POST', `/api/surveys/${encodeURIComponent(data.survey)}/responses`, {
        ...body,
        submissionKey: local.submissionKey,
      })
      // The key already named a draft (saved by a request whose answer was lost): submit it.
      if (res.status === 200 && res.body && res.body.status === 'draft') {
        rememberId(res.body.id)
        return put()
      }
      return res
    }
    send()
      .then((res) => {
        if (res.status === 200 || res.status === 201 || (res.status === 409 && responseId)) {
          accepted = true
          clearTimeout(timer)
          try {
            localStorage.removeItem(storeKey)
          } catch {}
          if (res.body?.id && !responseId) {
            const url = new URL(location.href)
            url.searchParams.set('r', res.body.id)
            history.replaceState(null, '', url)
          }
          setThanks()
          model.doComplete()
        } else if (res.status === 422) {
          showServerErrors(res.body)
        } else {
          alert(text('sendError'))
        }
      })
      .catch(() => alert(text('sendError')))
  })
  model.onComplete.add(() => {
    setStatus('')
    document.body.dataset.complete = 'true'
  })
  // The thank-you text in the language in use at the moment of completion.
  const setThanks = () => {
    if (!data.definition.completedHtml)
      model.completedHtml = `<h3>${escapeText(text('thanks'))}</h3>`
  }

  function escapeText(s) {
    const div = document.createElement('div')
    div.textContent = s
    return div.innerHTML
  }

  model.onValueChanged.add(() => {
    writeLocal()
    schedule()
  })
  model.onCurrentPageChanged.add(() => writeLocal())

  // --- Language switch.
  langSelect.addEventListener('change', () => {
    model.locale = langSelect.value === 'en' ? '' : langSelect.value
    document.documentElement.lang = currentLocale()
    langLabel.textContent = text('language')
    if (!data.definition.completedHtml)
      model.completedHtml = `<h3>${escapeText(text('thanks'))}</h3>`
    writeLocal()
  })

  // --- Resume: the server draft of this link, then anything newer kept on this device.
  const restore = async () => {
    if (responseId) {
      try {
        const res = await api('GET', `/api/responses/${encodeURIComponent(responseId)}`)
        if (res.status === 200 && res.body) {
          if (res.body.status === 'submitted') {
            accepted = true
            model.data = res.body.answers
            model.doComplete()
            return
          }
          const serverTime = Date.parse(res.body.updatedAt) || 0
          if (!local.answers || (local.savedAt || 0) <= serverTime) local.answers = res.body.answers
        }
      } catch {
        // Offline: the local copy is all we have.
      }
    }
    if (local.answers) model.data = local.answers
    if (local.locale && data.locales.some((l) => l.code === local.locale)) {
      model.locale = local.locale === 'en' ? '' : local.locale
      langSelect.value = local.locale
      langLabel.textContent = text('language')
    }
    if (typeof local.page === 'number' && local.page < model.visiblePages.length) {
      model.currentPageNo = local.page
    }
  }

  restore().finally(() => {
    SurveyUI.renderSurvey(model, document.getElementById('gk-survey'))
    document.body.dataset.ready = 'true'
  })
})()
