// Every response of the partner form kept on this device, and the outbox that sends the
// submitted ones. IndexedDB, shared by the form page and the service worker (importScripts), so
// a response queued by a page is sent by the worker's Background Sync, by the next visit or by a
// later version of either: records are only ever added to, never migrated away.
//
// A record: { key (the submissionKey, made at the first edit), link ("survey|token"), survey,
// token, region, version, language, answers, page, status, responseId, createdAt, updatedAt,
// queuedAt, sentAt, attempts, nextAttemptAt, errors, message }. Status: editing, queued, sent,
// invalid (422: the person must fix an answer), revoked (401/403), refused (another refusal).
;((scope) => {
  const DB_NAME = 'gapkit-form'
  const STORE = 'responses'
  const LOCK = 'gapkit-outbox'
  const CHANNEL = 'gapkit-outbox'
  const TIMEOUT_MS = 60000

  const request = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
  const committed = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error || new Error('transaction aborted'))
    })

  let opening = null
  const openDb = () => {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const req = indexedDB.open(DB_NAME, 1)
        req.onupgradeneeded = (event) => {
          // Versions only add stores and indexes: an older page's queue stays readable.
          if (event.oldVersion < 1) {
            const store = req.result.createObjectStore(STORE, { keyPath: 'key' })
            store.createIndex('link', 'link')
            store.createIndex('status', 'status')
          }
        }
        req.onsuccess = () => {
          const db = req.result
          db.onversionchange = () => {
            db.close()
            opening = null
          }
          resolve(db)
        }
        req.onerror = () => reject(req.error)
        req.onblocked = () => reject(new Error('the device store is held by an older page'))
      }).catch((error) => {
        opening = null
        throw error
      })
    }
    return opening
  }

  // Without IndexedDB (storage disabled), records live in memory: the page says so, and keeps
  // sending while it stays open.
  let memory = null
  const persistent = () =>
    openDb().then(
      () => true,
      () => {
        memory = memory || new Map()
        return false
      },
    )
  const copy = (r) => (r ? structuredClone(r) : r)

  const read = async (fn, fallback) => {
    if (!(await persistent())) return fallback([...memory.values()].map(copy))
    const db = await openDb()
    return request(fn(db.transaction(STORE).objectStore(STORE)))
  }
  const get = (key) =>
    read(
      (s) => s.get(key),
      (list) => list.find((r) => r.key === key),
    )
  const all = () =>
    read(
      (s) => s.getAll(),
      (list) => list,
    )
  const byLink = (link) =>
    read(
      (s) => s.index('link').getAll(link),
      (list) => list.filter((r) => r.link === link),
    )
  const put = async (record) => {
    if (!(await persistent())) {
      memory.set(record.key, copy(record))
      return record
    }
    const db = await openDb()
    const tx = db.transaction(STORE, 'readwrite')
    tx.objectStore(STORE).put(record)
    await committed(tx)
    return record
  }
  /** Read, change and write one record in one transaction; `change` returns the new record. */
  const update = async (key, change) => {
    if (!(await persistent())) {
      const current = copy(memory.get(key))
      const next = current ? change(current) : undefined
      if (next) memory.set(key, copy(next))
      return next || current
    }
    const db = await openDb()
    const tx = db.transaction(STORE, 'readwrite')
    const store = tx.objectStore(STORE)
    const current = await request(store.get(key))
    const next = current ? change(current) : undefined
    if (next && next !== current) store.put(next)
    await committed(tx)
    return next || current
  }

  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null
  const notify = () => channel?.postMessage({ type: 'changed' })
  const listen = (fn) => {
    if (typeof BroadcastChannel !== 'function') return
    new BroadcastChannel(CHANNEL).onmessage = () => fn()
  }

  /** One request with the link's token; a status of 0 means no answer (network, timeout). */
  const call = async (method, url, token, body) => {
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS)
    try {
      const res = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort.signal,
        cache: 'no-store',
      })
      let payload = null
      try {
        payload = await res.json()
      } catch {
        payload = null
      }
      return { status: res.status, body: payload }
    } catch {
      return { status: 0, body: null }
    } finally {
      clearTimeout(timer)
    }
  }

  /** What an answer means for a response: sent, retry later, or a refusal a person must see. */
  const judge = (res) => {
    const error = res.body?.error
    if (res.status === 422) return { kind: 'invalid', errors: error?.details || [] }
    if (res.status === 401 || res.status === 403) return { kind: 'revoked' }
    if (res.status === 0 || res.status === 408 || res.status === 429 || res.status >= 500) {
      return { kind: 'retry' }
    }
    return { kind: 'refused', message: error?.message || `HTTP ${res.status}` }
  }

  const responsesUrl = (r) => `/api/surveys/${encodeURIComponent(r.survey)}/responses`
  const responseUrl = (id) => `/api/responses/${encodeURIComponent(id)}`

  /**
   * Sends one response with its key, its version and its language. The server stores a key once:
   * a retry after a lost answer gets the first response back (200), a draft saved earlier under
   * the key is then submitted by its id, and a 409 on that id means an earlier try submitted it.
   */
  const send = async (r, draft) => {
    const body = { answers: r.answers || {}, draft, language: r.language, version: r.version }
    let id = r.responseId
    if (!id) {
      const res = await call('POST', responsesUrl(r), r.token, { ...body, submissionKey: r.key })
      if (res.status === 201 || res.status === 200) {
        if (res.body?.status === 'submitted') return { kind: 'sent', id: res.body.id }
        if (draft) return { kind: 'saved', id: res.body?.id }
        id = res.body?.id
      } else {
        return judge(res)
      }
    }
    const res = await call('PUT', responseUrl(id), r.token, body)
    if (res.status === 200) return draft ? { kind: 'saved', id } : { kind: 'sent', id }
    if (res.status === 409) return { kind: 'sent', id }
    // The draft was erased on the server: the key is free again, so send it as new.
    if (res.status === 404 && r.responseId) return send({ ...r, responseId: null }, draft)
    return { ...judge(res), id }
  }

  /** Waits of 1 s, 2 s, 4 s … up to 5 min, ±20 %, between tries of an unanswered request. */
  const backoff = (attempts) =>
    Math.min(300000, 1000 * 2 ** Math.max(0, attempts - 1)) * (0.8 + Math.random() * 0.4)

  const withLock = (fn) => (scope.navigator?.locks ? scope.navigator.locks.request(LOCK, fn) : fn())

  const applyOutcome = (r, outcome, now) => {
    if (outcome.kind === 'sent') {
      // Answers leave the device once the server has them; the record says when they went.
      return {
        ...r,
        status: 'sent',
        responseId: outcome.id || r.responseId,
        sentAt: now,
        answers: null,
        errors: null,
        message: null,
      }
    }
    if (outcome.kind === 'retry') {
      const attempts = (r.attempts || 0) + 1
      return { ...r, attempts, nextAttemptAt: now + backoff(attempts) }
    }
    return {
      ...r,
      status: outcome.kind,
      responseId: outcome.id || r.responseId,
      errors: outcome.errors || null,
      message: outcome.message || null,
    }
  }

  /**
   * Sends every queued response that is due (all of them with `force`), one at a time and in
   * one context at a time (a Web Lock shared by pages and the worker). Resolves to how many are
   * still waiting and when the next try is due.
   */
  const flush = (options = {}) =>
    withLock(async () => {
      const now = () => Date.now()
      const records = await all()
      for (const r of records) {
        if (r.status !== 'queued') continue
        if (!options.force && r.nextAttemptAt && r.nextAttemptAt > now()) continue
        const outcome = await send(r, false)
        await update(r.key, (current) =>
          current.status === 'queued' ? applyOutcome(current, outcome, now()) : current,
        )
        notify()
        options.onProgress?.()
      }
      const waiting = (await all()).filter((r) => r.status === 'queued')
      const next = waiting.reduce((m, r) => Math.min(m, r.nextAttemptAt || 0), Infinity)
      return { waiting: waiting.length, next: Number.isFinite(next) ? next : null }
    })

  /** Saves a response in progress as a server draft (the form page only). */
  const saveDraft = (key) =>
    withLock(async () => {
      const r = await get(key)
      if (r?.status !== 'editing') return { kind: 'skipped' }
      const outcome = await send(r, true)
      if (outcome.kind === 'saved' && outcome.id) {
        await update(key, (c) => ({ ...c, responseId: outcome.id, serverSavedAt: r.updatedAt }))
      } else if (outcome.kind === 'sent') {
        // Another device submitted this response meanwhile.
        await update(key, (c) => applyOutcome(c, outcome, Date.now()))
        notify()
      }
      return { ...outcome, savedAt: r.updatedAt }
    })

  const newKey = () =>
    crypto.randomUUID
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  /** A fresh response of a link: its key is the submissionKey every retry sends. */
  const newRecord = (fields) => ({
    key: newKey(),
    answers: {},
    page: 0,
    status: 'editing',
    responseId: null,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    queuedAt: null,
    sentAt: null,
    attempts: 0,
    nextAttemptAt: 0,
    errors: null,
    message: null,
    ...fields,
  })
  const latest = (list) =>
    list.reduce((best, r) => (!best || (r.updatedAt || 0) > (best.updatedAt || 0) ? r : best), null)

  scope.GapkitOutbox = {
    newRecord,
    latest,
    persistent,
    get,
    all,
    byLink,
    put,
    update,
    flush,
    saveDraft,
    call,
    notify,
    listen,
    backoff,
  }
})(self)
