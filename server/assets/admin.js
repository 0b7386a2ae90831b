// The lead-partner dashboard: shared helpers, the progress chart and the partner links page
// (the questionnaire page is admin-survey.js). Every text from the server goes into the page
// through textContent, never as HTML; every write carries the session's CSRF token.
;(() => {
  const dataEl = document.getElementById('ak-data')
  if (!dataEl) return
  const data = JSON.parse(dataEl.textContent)
  const t = data.text
  const csrf = document.querySelector('meta[name="gapkit-csrf"]')?.content || ''
  const $ = (id) => document.getElementById(id)
  const fill = (s, v) => s.replace(/\{(\w+)\}/g, (m, k) => (k in v ? String(v[k]) : m))
  const shortTime = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '—')
  const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json'

  /** Builds an element; strings become text nodes (never parsed as HTML). */
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag)
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue
      if (key === 'class') node.className = value
      else if (key === 'text') node.textContent = value
      else if (key.startsWith('data-') || key.startsWith('aria-')) node.setAttribute(key, value)
      else node[key] = value
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child)
    }
    return node
  }

  const api = async (method, url, body, signal) => {
    const headers = { Accept: 'application/json', 'X-Gapkit-CSRF': csrf }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(url, {
      method,
      headers,
      signal,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    let payload = null
    try {
      payload = await res.json()
    } catch {
      payload = null
    }
    if (!res.ok) {
      const error = new Error(payload?.error?.message || `HTTP ${res.status}`)
      error.status = res.status
      throw error
    }
    return payload
  }

  const setStatus = (node, text, kind = '') => {
    if (!node) return
    node.textContent = text
    node.dataset.kind = kind
  }
  const failed = (node) => (error) =>
    setStatus(node, fill(t.failed, { message: error.message }), 'error')

  // vega-embed with `ast: true` interprets expressions instead of compiling them with
  // `new Function`, so the page's CSP needs no 'unsafe-eval'.
  const embed = (target, spec) =>
    window.vegaEmbed(target, spec, {
      ast: true,
      actions: false,
      renderer: 'svg',
      defaultStyle: false,
      tooltip: false,
    })

  // Room for the bars once the labels (~150 px) are drawn; a numeric width keeps Vega-Lite
  // from warning about `width: 'container'` with a step height.
  const plotWidth = (target) => Math.max(160, (target.clientWidth || 600) - 150)

  const badge = (value, label) => el('span', { class: `ak-badge ak-${value}`, text: label })
  const reviewLabel = (r) =>
    ({ pending: t.pending, approved: t.approved, rejected: t.rejected })[r] || r
  const statusLabel = (s) => (s === 'draft' ? t.statusDraft : t.statusSubmitted)

  // ---------------------------------------------------------------- progress page
  const progressPage = () => {
    const select = $('ak-progress-survey')
    const target = $('ak-progress-chart')
    const draw = () => {
      const rows = data.progress.filter((p) => p.survey === select.value)
      target.replaceChildren()
      if (rows.length === 0) {
        target.append(el('p', { class: 'ak-muted', text: t.noResponses }))
        return
      }
      // One bar per region, or per region and wave when the questionnaire has several waves.
      const waves = new Set(rows.map((r) => r.wave))
      const label = (r) => (waves.size > 1 ? `${r.regionName} · ${r.wave}` : r.regionName)
      const values = rows.flatMap((r) => [
        { bar: label(r), wave: r.wave, status: t.submitted, order: 0, n: r.submitted },
        { bar: label(r), wave: r.wave, status: t.drafts, order: 1, n: r.drafts },
      ])
      embed(target, {
        $schema: SCHEMA,
        width: plotWidth(target),
        height: { step: 24 },
        data: { values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'bar', type: 'nominal', title: null, sort: 'ascending' },
          x: {
            aggregate: 'sum',
            field: 'n',
            type: 'quantitative',
            title: t.responses,
            axis: { tickMinStep: 1, format: 'd' },
          },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: [t.submitted, t.drafts], range: ['#0072B2', '#E69F00'] },
            legend: { orient: 'bottom' },
          },
          order: { field: 'order' },
        },
        config: { view: { stroke: null } },
      }).catch(failed(target))
    }
    select.addEventListener('change', draw)
    let resized = null
    let lastWidth = target.clientWidth
    window.addEventListener('resize', () => {
      clearTimeout(resized)
      resized = setTimeout(() => {
        if (target.clientWidth !== lastWidth) draw()
        lastWidth = target.clientWidth
      }, 200)
    })
    draw()
  }

  // ---------------------------------------------------------------- partners page
  const partnersPage = () => {
    const form = $('ak-partner-form')
    const regionSelect = $('ak-p-region')
    const newRegion = $('ak-new-region')
    const status = $('ak-partner-status')
    const tbody = document.querySelector('#ak-partners tbody')
    const toggleRegion = () => {
      newRegion.hidden = regionSelect.value !== ''
    }
    regionSelect.addEventListener('change', toggleRegion)
    toggleRegion()

    const row = (p) =>
      el(
        'tr',
        { 'data-partner': String(p.id) },
        el('th', { scope: 'row', text: p.name }),
        el('td', {}, `${p.regionName} `, el('span', { class: 'ak-id', text: p.region })),
        el('td', { text: p.group ?? '—' }),
        el('td', { text: p.wave ?? '—' }),
        el('td', { class: 'ak-nowrap', text: shortTime(p.createdAt) }),
        el(
          'td',
          {},
          p.revokedAt
            ? badge('rejected', `${t.revokedOn} ${shortTime(p.revokedAt)}`)
            : badge('approved', t.active),
        ),
        el(
          'td',
          {},
          p.revokedAt
            ? null
            : el('button', {
                type: 'button',
                class: 'ak-danger',
                'data-revoke': String(p.id),
                text: t.revoke,
              }),
        ),
      )

    const refresh = async () => {
      const { partners, regions } = await api('GET', '/api/admin/partners')
      tbody.replaceChildren(
        ...(partners.length
          ? partners.map(row)
          : [el('tr', {}, el('td', { colSpan: 7, class: 'ak-muted', text: t.noPartners }))]),
      )
      const chosen = regionSelect.value
      regionSelect.replaceChildren(
        ...regions.map((r) => el('option', { value: r.id, text: `${r.name} (${r.id})` })),
        el('option', { value: '', text: t.newRegion }),
      )
      regionSelect.value = regions.some((r) => r.id === chosen) ? chosen : (regions[0]?.id ?? '')
      toggleRegion()
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      const value = (id) => $(id).value.trim()
      const body = { name: value('ak-p-name') }
      if (regionSelect.value) body.region = regionSelect.value
      else {
        body.region = value('ak-p-region-id')
        body.regionName = value('ak-p-region-name')
      }
      for (const [key, id] of [
        ['group', 'ak-p-group'],
        ['wave', 'ak-p-wave'],
      ]) {
        if (value(id)) body[key] = value(id)
      }
      try {
        const created = await api(
          'POST',
          `/api/admin/partners?lang=${encodeURIComponent(data.locale)}`,
          body,
        )
        $('ak-created-token').textContent = created.token
        const p = created.partner
        const who = `${p.name} · ${p.regionName} (${p.region})${p.group ? ` · ${p.group}` : ''}`
        $('ak-created-for').textContent = who
        // Each link with its QR code (an SVG made by the server, shown as an image) and, for
        // the printed sheet, the partner, region and URL as text under it.
        $('ak-created-links').replaceChildren(
          ...created.forms.map((f) =>
            el(
              'li',
              { class: 'ak-qr-card', 'data-survey': f.survey },
              el('img', {
                class: 'ak-qr',
                src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(f.qrSvg)}`,
                alt: fill(t.qrAlt, { title: f.title }),
                width: 160,
                height: 160,
              }),
              el(
                'div',
                {},
                el('strong', { text: f.title }),
                el('div', { class: 'ak-print-only', text: who }),
                el('a', { href: f.url, text: f.url, rel: 'noreferrer', class: 'ak-url' }),
              ),
            ),
          ),
        )
        $('ak-created').hidden = false
        for (const id of [
          'ak-p-name',
          'ak-p-group',
          'ak-p-wave',
          'ak-p-region-id',
          'ak-p-region-name',
        ])
          $(id).value = ''
        setStatus(status, t.createdOk, 'ok')
        await refresh()
      } catch (error) {
        failed(status)(error)
      }
    })

    $('ak-print-links').addEventListener('click', () => window.print())

    tbody.addEventListener('click', async (event) => {
      const button = event.target.closest('button[data-revoke]')
      if (!button) return
      if (button.dataset.armed !== 'true') {
        // Two clicks, no dialog: the first arms the button for a few seconds.
        button.dataset.armed = 'true'
        button.textContent = t.confirmRevoke
        setTimeout(() => {
          if (button.isConnected) {
            button.dataset.armed = ''
            button.textContent = t.revoke
          }
        }, 5000)
        return
      }
      button.disabled = true
      try {
        await api('DELETE', `/api/admin/partners/${encodeURIComponent(button.dataset.revoke)}`)
        setStatus(status, t.revokedOk, 'ok')
        await refresh()
      } catch (error) {
        button.disabled = false
        failed(status)(error)
      }
    })
  }

  // The questionnaire page lives in admin-survey.js, loaded after this file when needed.
  const helpers = {
    ...{ data, t, $, el, api, fill, shortTime, setStatus, failed, embed, plotWidth },
    ...{ badge, reviewLabel, statusLabel, SCHEMA },
  }
  window.gapkitAdmin = { helpers, pages: { progress: progressPage, partners: partnersPage } }
  document.addEventListener('DOMContentLoaded', () => {
    window.gapkitAdmin.pages[data.page]?.()
    document.body.dataset.ready = 'true'
  })
})()
