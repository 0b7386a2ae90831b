// The partner form, offline first: SurveyJS from our own assets; every change kept on this
// device (IndexedDB, outbox.js) and, when there is a connection, on the server as a draft;
// a submitted response waits in the device's outbox until the server has it, sent without the
// person's help (page load, `online`, return to the page, a retry timer, Background Sync).
;(() => {
  const data = JSON.parse(document.getElementById('gk-data').textContent)
  const outbox = window.GapkitOutbox
  const view = window.GapkitFormView.create(data)
  const params = new URLSearchParams(location.search)
  const token = params.get('t') || ''
  const link = `${data.survey}|${token}`
  const langSelect = document.getElementById('gk-lang')
  const surveyEl = document.getElementById('gk-survey')
  const S = window.GapkitModel
  const hasLocale = (code) => data.locales.some((l) => l.code === code)
  const newRecord = () =>
    outbox.newRecord({
      link,
      survey: data.survey,
      token,
      region: data.region,
      version: data.version,
      language: locale,
    })

  let definition = null
  let model = null
  let laterAction = null
  /** The response on screen: null for a fresh one until its first change. */
  let current = null
  /** This link's records on the device, as last read. */
  let records = []
  /** The response this page submitted last: a refusal of it reopens the form. */
  let submittedHere = null
  let completedHtml = null
  let resumeOpen = false
  let locale = data.locale

  const setResponseParam = (id) => {
    const url = new URL(location.href)
    if (id) url.searchParams.set('r', id)
    else url.searchParams.delete('r')
    history.replaceState(null, '', url)
  }

  // --- Languages.
  S.loaded.add(data.locale)
  const setLocale = async (code) => {
    await S.loadStrings(data.locales.find((l) => l.code === code))
    locale = code
    langSelect.value = code
    // The view first: the strings we hand SurveyJS (Continue later) are read from it.
    view.setLocale(code)
    if (model) model.locale = code === 'en' ? '' : code
    if (laterAction) laterAction.title = view.text('later')
  }
  langSelect.addEventListener('change', async () => {
    await setLocale(langSelect.value)
    if (current?.status === 'editing') {
      current = { ...current, language: locale }
      await outbox.put(current)
    }
  })

  const showServerErrors = (errors) => {
    const unplaced = model ? S.placeErrors(model, errors) : []
    view.notice(unplaced.length ? 'invalid' : null, unplaced)
  }

  // --- Editing: every change is written to the device at once, to the server debounced.
  let draftTimer = null
  const scheduleDraft = (delay = 1500) => {
    clearTimeout(draftTimer)
    if (!data.preview && current?.status === 'editing') draftTimer = setTimeout(saveDraft, delay)
  }
  const changed = async () => {
    if (data.preview) return
    current = {
      ...(current || newRecord()),
      answers: model.data,
      page: model.currentPageNo,
      language: locale,
      updatedAt: Date.now(),
      errors: null,
    }
    await outbox.put(current)
    view.status('local')
    view.notice(null)
    scheduleDraft()
  }
  const saveDraft = async () => {
    if (current?.status !== 'editing' || !navigator.onLine) return
    const key = current.key
    view.status('saving')
    const out = await outbox.saveDraft(key)
    if (current?.key !== key) return
    if (out.kind === 'saved') {
      current = { ...current, responseId: out.id, serverSavedAt: out.savedAt }
      if (current.status !== 'editing') return
      setResponseParam(out.id)
      const newer = current.updatedAt > out.savedAt
      view.status(newer ? 'local' : 'draftServer')
      if (newer) scheduleDraft()
      if (resumeOpen) showResume()
    } else if (out.kind === 'invalid') {
      view.status('draftProblem')
      showServerErrors(out.errors)
    } else if (out.kind === 'revoked') {
      view.status('local')
      view.notice('revoked')
    } else if (out.kind === 'sent') {
      current = (await outbox.get(key)) || current
      await refresh()
      showDone({ elsewhere: true })
    } else if (out.kind === 'refused') {
      view.status('local')
      view.notice('refused', [], { message: out.message })
    } else if (out.kind !== 'skipped') {
      view.status('local')
    }
  }

  const markPage = () => {
    // The questionnaire's description belongs to its first page (form.css hides it after).
    document.body.classList.toggle('gk-later-page', model.currentPageNo > 0)
  }

  /** Shows a response in the form: a record kept on the device, or a fresh one (null). */
  const edit = (record) => {
    current = record ? { ...record, version: data.version } : null
    completedHtml = null
    const rankEmpty = Object.fromEntries(
      data.locales.map((l) => [l.code, data.text[l.code]?.rankEmpty]).filter(([, v]) => v),
    )
    model = S.create({ definition, region: data.region, locale, record, rankEmpty })
    // Answers given in the page's own first questions join this response, newest first.
    const early = S.takeEarly()
    const answeredEarly = Object.keys(early.answers).length > 0
    if (answeredEarly) model.mergeData(early.answers)
    model.onValueChanged.add(changed)
    model.onCurrentPageChanged.add(() => {
      markPage()
      // Only the page is kept: a refusal shown stays until an answer changes.
      if (current?.status !== 'editing') return
      current = { ...current, page: model.currentPageNo }
      outbox.put(current)
    })
    model.onCompleting.add((_, options) => {
      options.allow = false
      submit()
    })
    model.onAfterRenderQuestion.add((_, options) => view.decorate(options))
    laterAction = data.preview
      ? null
      : model.addNavigationItem({
          id: 'gk-later',
          title: view.text('later'),
          action: () => continueLater(),
        })
    view.showForm()
    S.mount(model, surveyEl)
    markPage()
    if (early.focus) model.getQuestionByName(early.focus)?.focus()
    if (answeredEarly) changed()
    setResponseParam(current?.responseId || null)
    if (current?.errors?.length) {
      view.status('invalid')
      showServerErrors(current.errors)
    } else if (current) {
      view.status(current.serverSavedAt >= current.updatedAt ? 'draftServer' : 'local')
    } else {
      view.status('')
    }
  }

  // --- Submitting: the response joins the outbox at once; the server's answer comes later.
  const submit = async () => {
    clearTimeout(draftTimer)
    if (data.preview) {
      current = { key: 'preview', status: 'preview' }
      showDone()
      return
    }
    completedHtml = definition.completedHtml ? model.processedCompletedHtml : null
    current = {
      ...(current || newRecord()),
      answers: S.visibleAnswers(model),
      language: locale,
      version: data.version,
      status: 'queued',
      queuedAt: Date.now(),
      updatedAt: Date.now(),
      attempts: 0,
      nextAttemptAt: 0,
      errors: null,
      message: null,
    }
    submittedHere = current.key
    await outbox.put(current)
    outbox.notify()
    navigator.storage?.persist?.().catch(() => undefined)
    requestBackgroundSync()
    await refresh()
    showDone()
    flush(true)
  }

  const showDone = (extra = {}) => {
    resumeOpen = false
    const shown = current && current.status !== 'editing' ? { ...current, ...extra } : null
    view.status('')
    view.done({
      current: shown,
      records,
      sentOnServer: data.sent,
      onePerLink: data.onePerLink,
      completedHtml: shown?.status === 'sent' ? completedHtml : null,
      onNew: () => startNew(),
      onFix: () => fix(shown),
    })
  }

  const startNew = () => {
    submittedHere = null
    edit(null)
  }

  const fix = async (record) => {
    const reopened = await outbox.update(record.key, (r) => ({ ...r, status: 'editing' }))
    await refresh()
    edit(reopened)
  }

  // --- Continue later: the resume link of the server draft, for another device.
  const resumeUrl = (id) => {
    const url = new URL(location.pathname, location.origin)
    url.searchParams.set('t', token)
    url.searchParams.set('r', id)
    return url.href
  }
  const showResume = () =>
    view.resume({
      url: current?.responseId ? resumeUrl(current.responseId) : null,
      onBack: () => {
        resumeOpen = false
        view.showForm()
      },
    })
  const continueLater = async () => {
    if (!current) {
      current = { ...newRecord(), answers: model.data, page: model.currentPageNo }
      await outbox.put(current)
    }
    resumeOpen = true
    showResume()
    clearTimeout(draftTimer)
    await saveDraft()
  }

  // --- The outbox: sent by whichever context gets there first, reported to every page.
  const refresh = async () => {
    records = await outbox.byLink(link)
    view.outbox(records.filter((r) => r.status === 'queued').length)
  }
  const outboxChanged = async () => {
    await refresh()
    if (!current || current.status === 'editing') return
    const fresh = records.find((r) => r.key === current.key)
    if (!fresh) return
    current = fresh
    const refused = fresh.status === 'invalid' && fresh.key === submittedHere
    if (refused) return fix(fresh)
    if (document.body.dataset.view === 'done') showDone()
  }
  outbox.listen(() => outboxChanged())

  // One flush at a time in this page; a call during one runs another right after it, so a
  // response queued meanwhile is not left for the retry timer.
  let retryTimer = null
  let flushing = null
  let again = null
  const flush = (force) => {
    if (data.preview) return Promise.resolve()
    if (flushing) {
      again = again === true || force
      return flushing
    }
    clearTimeout(retryTimer)
    flushing = outbox
      .flush({ force })
      .then(async (result) => {
        await outboxChanged()
        if (result.waiting > 0 && result.next !== null) {
          retryTimer = setTimeout(() => flush(false), Math.max(1000, result.next - Date.now()))
        }
      })
      .catch(() => undefined)
      .finally(() => {
        flushing = null
        if (again !== null) {
          const forced = again
          again = null
          flush(forced)
        }
      })
    return flushing
  }
  window.addEventListener('online', () => {
    flush(true)
    saveDraft()
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') flush(true)
    else saveDraft()
  })

  const requestBackgroundSync = async () => {
    try {
      const reg = await navigator.serviceWorker?.getRegistration(data.sw.scope)
      await reg?.sync?.register('gapkit-outbox')
    } catch {
      // No Background Sync here: the page's own triggers still send.
    }
  }

  // What form-start.js needs to open the form.
  window.GapkitForm = {
    data,
    view,
    link,
    token,
    newRecord,
    latest: outbox.latest,
    hasLocale,
    setLocale,
    edit,
    refresh,
    flush,
    setResponseParam,
    records: () => records,
    model: () => model,
    setDefinition: (json) => {
      definition = json
    },
    showRecord: (record, extra) => {
      current = record
      showDone(extra)
    },
  }
})()
