// What the partner form shows around the questionnaire: the state line, the outbox count, the
// panel after submitting (waiting to send, sent ✓, or why it cannot be sent), and the resume
// link. Text only through textContent; the one HTML is the questionnaire's own completedHtml.
;(() => {
  const $ = (id) => document.getElementById(id)

  const create = (data) => {
    let locale = data.locale
    const el = {
      status: $('gk-status'),
      outbox: $('gk-outbox'),
      notice: $('gk-notice'),
      survey: $('gk-survey'),
      panel: $('gk-panel'),
      langLabel: $('gk-lang-label'),
      offline: $('gk-offline'),
    }

    const text = (key, vars = {}) => {
      const table = data.text[locale] || data.text.en || {}
      const raw = table[key] || data.text.en?.[key] || key
      return raw.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : ''))
    }
    const formatDate = (ms) => {
      try {
        return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(ms),
        )
      } catch {
        return new Date(ms).toLocaleString()
      }
    }
    const node = (tag, attrs = {}, children = []) => {
      const n = document.createElement(tag)
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'text') n.textContent = v
        else if (k === 'on') n.addEventListener('click', v)
        else if (v !== undefined && v !== null && v !== false) n.setAttribute(k, v)
      }
      for (const c of children) if (c) n.append(c)
      return n
    }

    // The state line says one thing about the response on screen; the count beside it says
    // how many submitted responses of this link still wait on this device.
    let statusKey = ''
    let statusVars = {}
    const status = (key, vars = {}) => {
      statusKey = key
      statusVars = vars
      el.status.textContent = key ? text(key, vars) : ''
      el.status.dataset.state = key || ''
    }
    let waiting = 0
    const outbox = (n) => {
      waiting = n
      el.outbox.hidden = n === 0
      el.outbox.textContent = n ? text('outbox', { n }) : ''
      el.outbox.dataset.count = String(n)
    }
    let noticeKey = null
    let noticeLines = []
    let noticeVars = {}
    /** A message above the form; `lines` are server messages naming no question on screen. */
    const notice = (key, lines = [], vars = {}) => {
      noticeKey = key
      noticeLines = lines
      noticeVars = vars
      el.notice.hidden = !key
      el.notice.textContent = key ? text(key, vars) : ''
      el.notice.dataset.kind = key || ''
      if (key && lines.length) {
        el.notice.append(
          node(
            'ul',
            {},
            lines.map((l) => node('li', { text: l })),
          ),
        )
      }
    }
    let offlineReady = false
    const offline = (ready) => {
      offlineReady = ready
      el.offline.hidden = !ready
      el.offline.textContent = ready ? text('offlineReady') : ''
    }

    const showForm = () => {
      el.panel.hidden = true
      el.panel.textContent = ''
      el.survey.hidden = false
      document.body.dataset.view = 'form'
    }
    const showPanel = (view, children) => {
      el.survey.hidden = true
      el.panel.textContent = ''
      el.panel.append(...children)
      el.panel.hidden = false
      el.panel.dataset.view = view
      document.body.dataset.view = view
      window.scrollTo(0, 0)
    }

    /** What a record's state reads as, for the panel title and the device list. */
    const stateText = (r) => {
      if (r.status === 'preview') return text('previewDone')
      if (r.status === 'queued') return text('queued')
      if (r.status === 'sent') return text('sent')
      if (r.status === 'invalid') return text('invalid')
      if (r.status === 'revoked') return text('revoked')
      if (r.status === 'refused') return text('refused', { message: r.message || '' })
      return text('local')
    }

    let lastDone = null
    /**
     * The panel after submitting or when reopening a link that already sent: the state of the
     * response just submitted (or the link's latest), what to do about it, and every response
     * of this link kept on this device.
     */
    const done = (input) => {
      lastDone = input
      const { current, records, sentOnServer, onePerLink } = input
      const children = []
      const state = current ? current.status : 'already'
      children.push(
        node('h2', {
          class: 'gk-done-title',
          'data-state': state,
          text: current ? stateText(current) : text('alreadySent'),
        }),
      )
      if (current?.status === 'queued') children.push(node('p', { text: text('queuedHelp') }))
      if (current?.status === 'sent') {
        if (input.completedHtml) {
          const html = node('div', { class: 'gk-completed' })
          html.innerHTML = input.completedHtml
          children.push(html)
        } else {
          children.push(node('p', { class: 'gk-thanks', text: text('thanks') }))
        }
      }
      if (current?.elsewhere) children.push(node('p', { text: text('elsewhere') }))
      if (!current && sentOnServer?.lastAt) {
        const date = formatDate(Date.parse(sentOnServer.lastAt))
        children.push(node('p', { text: text('lastSent', { date }) }))
      }
      const actions = node('div', { class: 'gk-actions' })
      if (current?.status === 'invalid') {
        actions.append(
          node('button', { type: 'button', id: 'gk-fix', class: 'gk-primary', on: input.onFix }, [
            text('fixIt'),
          ]),
        )
      }
      // A revoked link can send nothing more: no new response to offer.
      if (!onePerLink && current?.status !== 'revoked') {
        actions.append(
          node('button', { type: 'button', id: 'gk-new', on: input.onNew }, [text('newResponse')]),
        )
      }
      if (actions.childElementCount) children.push(actions)
      if (onePerLink) children.push(node('p', { class: 'gk-note', text: text('onlyOne') }))
      const listed = records.filter((r) => r.status !== 'editing')
      if (listed.length > 1 || (listed.length === 1 && listed[0] !== current)) {
        children.push(node('h3', { text: text('deviceList') }))
        const list = node('ul', { class: 'gk-list' })
        for (const r of [...listed].sort((a, b) => (b.queuedAt || 0) - (a.queuedAt || 0))) {
          list.append(
            node('li', { 'data-status': r.status, 'data-key': r.key }, [
              node('span', {
                text: text('responseOf', { date: formatDate(r.queuedAt || r.updatedAt) }),
              }),
              node('strong', { text: stateText(r) }),
            ]),
          )
        }
        children.push(list)
      }
      showPanel('done', children)
    }

    let lastResume = null
    /** The resume link of a draft (null while the draft has not reached the server). */
    const resume = (input) => {
      lastResume = input
      const children = [node('h2', { text: text('resumeTitle') })]
      if (!input.url) {
        children.push(node('p', { class: 'gk-waiting', text: text('resumeWaiting') }))
      } else {
        children.push(node('p', { text: text('resumeHelp') }))
        const field = node('input', {
          id: 'gk-resume-url',
          readonly: 'readonly',
          value: input.url,
          'aria-label': text('resumeTitle'),
        })
        const copy = node('button', { type: 'button', id: 'gk-copy' }, [text('copy')])
        copy.addEventListener('click', async () => {
          try {
            await navigator.clipboard.writeText(input.url)
          } catch {
            field.select()
            document.execCommand?.('copy')
          }
          copy.textContent = text('copied')
        })
        children.push(node('div', { class: 'gk-resume-link' }, [field, copy]))
        const qr = node('img', { class: 'gk-qr', id: 'gk-qr', alt: input.url, hidden: 'hidden' })
        children.push(qr)
        import(data.uqr)
          .then((m) => {
            const svg = m.renderSVG(input.url, { border: 2 })
            qr.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
            qr.hidden = false
          })
          .catch(() => {
            // Offline before the QR module was ever loaded: the link and its copy button remain.
          })
      }
      children.push(
        node('div', { class: 'gk-actions' }, [
          node('button', { type: 'button', id: 'gk-back', class: 'gk-primary', on: input.onBack }, [
            text('backToForm'),
          ]),
        ]),
      )
      showPanel('resume', children)
    }

    /** Redraws every string in a new language. */
    const setLocale = (code) => {
      locale = code
      document.documentElement.lang = code
      const title = data.titles?.[code]
      if (title) {
        document.title = title
        const heading = document.querySelector('.gk-loading h1')
        if (heading) heading.textContent = title
      }
      el.langLabel.textContent = text('language')
      loadingText(loadingKey)
      status(statusKey, statusVars)
      outbox(waiting)
      notice(noticeKey, noticeLines, noticeVars)
      offline(offlineReady)
      for (const hint of document.querySelectorAll('.gk-rank-hint'))
        hint.textContent = text('rankHint')
      if (!el.panel.hidden && el.panel.dataset.view === 'done' && lastDone) done(lastDone)
      if (!el.panel.hidden && el.panel.dataset.view === 'resume' && lastResume) resume(lastResume)
    }

    // The line under the title while SurveyJS loads: the server wrote it in the page's language.
    let loadingKey = $('gk-early') ? 'earlyHint' : 'loading'
    const loadingText = (key) => {
      loadingKey = key
      const p = $('gk-loading-text')
      if (p) p.textContent = text(key)
    }

    /** Ranking on a touch screen is ordered by tapping (form-model.js): say so, under the title. */
    const decorate = ({ question, htmlElement }) => {
      if (question.getType() !== 'ranking' || !window.GapkitModel?.touch()) return
      if (htmlElement.querySelector('.gk-rank-hint')) return
      const hint = node('p', { class: 'gk-rank-hint', text: text('rankHint') })
      const content = htmlElement.querySelector('.sd-question__content')
      if (content) content.before(hint)
      else htmlElement.append(hint)
    }

    return {
      text,
      status,
      outbox,
      notice,
      offline,
      showForm,
      done,
      resume,
      setLocale,
      loadingText,
      decorate,
    }
  }

  window.GapkitFormView = { create }
})()
