// Opens the partner form: loads the questionnaire version, picks what to show (the draft a
// resume link names, this device's draft of the link, the state of what this link already
// submitted, or a fresh response), sends what waits in the outbox, and installs the service
// worker so the next visit works with no connection.
;(() => {
  const form = window.GapkitForm
  const outbox = window.GapkitOutbox
  const { data, view } = form
  const params = new URLSearchParams(location.search)

  // The form of earlier releases kept a draft in localStorage: it moves into the device store.
  const adoptLegacyDraft = async () => {
    const key = `gapkit:${data.survey}:${data.region}`
    let saved = null
    try {
      saved = JSON.parse(localStorage.getItem(key) || 'null')
    } catch {
      return
    }
    if (!saved?.answers) return
    const fresh = form.newRecord()
    const existing = saved.submissionKey ? await outbox.get(saved.submissionKey) : null
    if (!existing) {
      await outbox.put({
        ...fresh,
        key: saved.submissionKey || fresh.key,
        answers: saved.answers,
        page: typeof saved.page === 'number' ? saved.page : 0,
        language: form.hasLocale(saved.locale) ? saved.locale : data.locale,
        responseId: saved.responseId || null,
        updatedAt: saved.savedAt || Date.now(),
      })
    }
    localStorage.removeItem(key)
  }

  /**
   * A resume link (`?r=`) names a server response: its draft is taken unless this device holds
   * a newer copy; a submitted one is shown as sent.
   */
  const adoptServerResponse = async (id, local) => {
    if (!navigator.onLine) return { record: local }
    const res = await outbox.call('GET', `/api/responses/${encodeURIComponent(id)}`, form.token)
    if (res.status !== 200 || !res.body) return { record: local }
    const body = res.body
    const serverTime = Date.parse(body.updatedAt) || Date.now()
    const base = local || { ...form.newRecord(), key: body.submissionKey || form.newRecord().key }
    if (body.status === 'submitted') {
      if (local?.status === 'sent') return { record: local }
      const sent = {
        ...base,
        status: 'sent',
        responseId: id,
        answers: null,
        sentAt: Date.parse(body.submittedAt) || serverTime,
        queuedAt: local?.queuedAt || Date.parse(body.submittedAt) || serverTime,
      }
      await outbox.put(sent)
      return { record: sent, elsewhere: local?.status !== 'queued' }
    }
    if (local && (local.status !== 'editing' || (local.updatedAt || 0) >= serverTime)) {
      return { record: local }
    }
    const draft = {
      ...base,
      status: 'editing',
      responseId: id,
      answers: body.answers,
      language: form.hasLocale(body.language) ? body.language : base.language,
      updatedAt: serverTime,
      serverSavedAt: serverTime,
    }
    await outbox.put(draft)
    return { record: draft }
  }

  const loadDefinition = async () => {
    const res = await fetch(data.definition)
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return res.json()
  }

  /** Asks the worker to keep this link's page, version and languages; resolves when kept. */
  const keepForOffline = (worker) =>
    new Promise((resolve, reject) => {
      const channel = new MessageChannel()
      const timer = setTimeout(() => reject(new Error('no answer from the worker')), 120000)
      channel.port1.onmessage = (event) => {
        clearTimeout(timer)
        if (event.data?.ok) resolve()
        else reject(new Error(event.data?.error || 'not kept'))
      }
      const assets = [...data.locales.map((l) => l.i18n).filter(Boolean), data.uqr]
      worker.postMessage(
        {
          type: 'keep',
          page: location.href,
          definition: new URL(data.definition, location.href).href,
          assets: assets.map((a) => new URL(a, location.href).href),
        },
        [channel.port2],
      )
    })

  const registerWorker = async () => {
    if (!('serviceWorker' in navigator) || data.preview) return
    try {
      await navigator.serviceWorker.register(data.sw.url, { scope: data.sw.scope })
      const reg = await navigator.serviceWorker.ready
      if (reg.active) await keepForOffline(reg.active)
      view.offline(true)
    } catch {
      // No worker (private mode, an old browser): the form works online as before.
    }
  }

  const start = async () => {
    if (data.preview) view.notice(data.draft ? 'previewDraft' : 'preview')
    else if (!(await outbox.persistent())) view.notice('noStorage')
    try {
      form.setDefinition(await loadDefinition())
    } catch {
      // Neither the network nor the device has this version: try again with a connection.
      view.loadingText('loadError')
      window.addEventListener('online', () => location.reload(), { once: true })
      return
    }
    if (!data.preview) await adoptLegacyDraft()
    await form.refresh()
    let record = null
    let elsewhere = false
    const wanted = params.get('r')
    if (wanted && !data.preview) {
      const local = form.records().find((r) => r.responseId === wanted) || null
      const adopted = await adoptServerResponse(wanted, local).catch(() => ({ record: local }))
      record = adopted.record
      elsewhere = adopted.elsewhere === true
      await form.refresh()
    }
    const records = form.records()
    if (!record) record = form.latest(records.filter((r) => r.status === 'editing'))
    // A language the link names (`&lang=`), else the one last used with this link on this
    // device, else the page's (or the one picked while the page was loading).
    const asked = params.get('lang')
    const used = form.hasLocale(asked) ? asked : (record || form.latest(records))?.language
    await form.setLocale(form.hasLocale(used) ? used : document.getElementById('gk-lang').value)
    if (record?.status === 'editing') {
      form.edit(record)
    } else if (record) {
      form.showRecord(record, elsewhere ? { elsewhere: true } : {})
    } else if (
      (records.length > 0 || data.sent.count > 0) &&
      // Someone who already started answering a new response goes on with it.
      (data.onePerLink || Object.keys(window.GapkitModel.readEarly().answers).length === 0)
    ) {
      // Reopening a link that already submitted: say so before offering a new response.
      form.showRecord(form.latest(records))
    } else {
      form.edit(null)
    }
    document.body.dataset.ready = 'true'
    performance.mark?.('gapkit-ready')
    form.flush(true)
    registerWorker()
  }

  start()
})()
