// The questionnaire page of the dashboard: the responses table with review (one by one and in
// bulk), the live analysis with every chart, and the download links. Uses admin.js's helpers.
;(() => {
  const admin = window.gapkitAdmin
  if (!admin) return
  const { data, t, $, el, api, fill, shortTime, setStatus, failed, embed, plotWidth } =
    admin.helpers
  const { badge, reviewLabel, statusLabel, SCHEMA } = admin.helpers

  const surveyPage = () => {
    const base = `/api/surveys/${encodeURIComponent(data.survey)}`
    const state = { page: 1, pageSize: 25, region: '', wave: '', status: '', review: '' }
    const selected = new Set()
    const regionNames = new Map(data.regions.map((r) => [r.id, r.name]))
    const rowsEl = $('ak-rows')
    const reviewStatus = $('ak-review-status')
    const selectAll = $('ak-select-all')
    /** The rows on screen by id: a review redraws its rows from these, with no reload. */
    const shown = new Map()
    let total = 0

    const query = (entries) => {
      const params = new URLSearchParams()
      for (const [k, v] of Object.entries(entries))
        if (v !== '' && v !== undefined) params.set(k, v)
      return params.toString()
    }
    const showSelected = () => {
      $('ak-selected').textContent = fill(t.selectedCount, { n: selected.size })
    }

    const responseRow = (r) => {
      const box = el('input', {
        type: 'checkbox',
        checked: selected.has(r.id),
        'data-id': r.id,
        'aria-label': `${t.select} ${r.id}`,
      })
      const review = el('td', {}, badge(r.review, reviewLabel(r.review)))
      if (r.reviewNote) review.append(el('div', { class: 'ak-note', text: r.reviewNote }))
      return el(
        'tr',
        { 'data-response': r.id, 'data-review': r.review, 'data-status': r.status },
        el('td', {}, box),
        el(
          'td',
          { class: 'ak-nowrap' },
          el('button', {
            type: 'button',
            class: 'ak-ok',
            'data-act': 'approved',
            'data-id': r.id,
            text: t.approve,
          }),
          ' ',
          el('button', {
            type: 'button',
            class: 'ak-danger',
            'data-act': 'rejected',
            'data-id': r.id,
            text: t.reject,
          }),
        ),
        el(
          'td',
          {},
          el(
            'a',
            {
              href: `/admin/surveys/${encodeURIComponent(data.survey)}/responses/${encodeURIComponent(r.id)}?lang=${data.locale}`,
              title: fill(t.openResponse, { id: r.shortId }),
            },
            el('code', { text: r.shortId }),
          ),
        ),
        el('td', { text: r.region, title: regionNames.get(r.region) || r.region }),
        el('td', { text: r.wave }),
        el('td', { text: r.group ?? '—' }),
        el('td', { text: r.language }),
        el('td', {}, badge(r.status, statusLabel(r.status))),
        review,
        el('td', { class: 'ak-nowrap', text: shortTime(r.submittedAt) }),
        el('td', { class: 'ak-summary', text: r.summary, title: r.summary }),
      )
    }

    const loadRows = async () => {
      // A viewer's page has no responses table (the server would refuse the rows anyway).
      if (data.can && !data.can.responses) return
      const qs = query({ ...state, lang: data.locale })
      const page = await api(
        'GET',
        `/api/admin/surveys/${encodeURIComponent(data.survey)}/responses?${qs}`,
      )
      total = page.total
      shown.clear()
      for (const r of page.rows) shown.set(r.id, r)
      rowsEl.replaceChildren(
        ...(page.rows.length
          ? page.rows.map(responseRow)
          : [el('tr', {}, el('td', { colSpan: 11, class: 'ak-muted', text: t.noResponses }))]),
      )
      const pages = Math.max(1, Math.ceil(total / state.pageSize))
      $('ak-page-info').textContent = fill(t.pageOf, { page: state.page, pages, total })
      $('ak-prev').disabled = state.page <= 1
      $('ak-next').disabled = state.page >= pages
      selectAll.checked = page.rows.length > 0 && page.rows.every((r) => selected.has(r.id))
      showSelected()
    }
    const reloadRows = () => loadRows().catch(failed(reviewStatus))

    for (const [id, key] of [
      ['ak-f-region', 'region'],
      ['ak-f-wave', 'wave'],
      ['ak-f-status', 'status'],
      ['ak-f-review', 'review'],
      ['ak-f-size', 'pageSize'],
    ]) {
      $(id).addEventListener('change', (event) => {
        state[key] = key === 'pageSize' ? Number(event.target.value) : event.target.value
        state.page = 1
        reloadRows()
      })
    }
    $('ak-prev').addEventListener('click', () => {
      state.page = Math.max(1, state.page - 1)
      reloadRows()
    })
    $('ak-next').addEventListener('click', () => {
      state.page += 1
      reloadRows()
    })
    rowsEl.addEventListener('change', (event) => {
      const box = event.target.closest('input[type=checkbox][data-id]')
      if (!box) return
      if (box.checked) selected.add(box.dataset.id)
      else selected.delete(box.dataset.id)
      showSelected()
    })
    selectAll.addEventListener('change', () => {
      for (const box of rowsEl.querySelectorAll('input[type=checkbox][data-id]')) {
        box.checked = selectAll.checked
        if (box.checked) selected.add(box.dataset.id)
        else selected.delete(box.dataset.id)
      }
      showSelected()
    })

    const review = async (ids, status) => {
      if (ids.length === 0) return setStatus(reviewStatus, t.nothingSelected, 'error')
      const note = $('ak-note').value.trim()
      try {
        const result = await api(
          'POST',
          `${base}/reviews`,
          note ? { ids, status, note } : { ids, status },
        )
        // The note went with this decision only: the next one starts without it (unless a new
        // note was typed while this one was being sent).
        if ($('ak-note').value.trim() === note) $('ak-note').value = ''
        for (const id of ids) selected.delete(id)
        setStatus(
          reviewStatus,
          fill(t.reviewed, { n: result.updated.length, status: reviewLabel(status) }),
          'ok',
        )
        redrawReviewed(result.updated, status, note || null)
        refreshAnalysis(ANALYSIS_DEBOUNCE)
      } catch (error) {
        failed(reviewStatus)(error)
      }
    }
    // The reviewed rows change in place (no reload of the page of rows, and the analysis
    // follows lazily): a click answers as soon as the server has stored the review.
    const redrawReviewed = (ids, status, note) => {
      const focused = document.activeElement?.closest?.('button[data-act]')
      for (const id of ids) {
        const r = shown.get(id)
        const old = rowsEl.querySelector(`tr[data-response="${CSS.escape(id)}"]`)
        if (!r || !old) continue
        r.review = status
        r.reviewNote = note
        const row = responseRow(r)
        old.replaceWith(row)
        // The keyboard focus stays on the button that was pressed, now in the new row.
        if (focused && old.contains(focused)) {
          row.querySelector(`button[data-act="${focused.dataset.act}"]`)?.focus()
        }
      }
      selectAll.checked = shown.size > 0 && [...shown.keys()].every((id) => selected.has(id))
      showSelected()
    }
    rowsEl.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-act]')
      if (button) review([button.dataset.id], button.dataset.act)
    })
    $('ak-bulk-approve').addEventListener('click', () => review([...selected], 'approved'))
    $('ak-bulk-reject').addEventListener('click', () => review([...selected], 'rejected'))

    // ---- analysis: respondents per group and every chart, live
    const analysisStatus = $('ak-analysis-status')
    const chartsEl = $('ak-charts')
    let generation = 0
    // Each reload of the analysis cancels the requests of the one before (every chart request
    // runs the analysis on the server) and watches its own figures.
    let controller = null
    let observer = null
    const watchFigures = () => {
      observer?.disconnect()
      if (!('IntersectionObserver' in window)) return null
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue
            observer.unobserve(entry.target)
            entry.target.dispatchEvent(new Event('ak-render'))
          }
        },
        { rootMargin: '300px 0px' },
      )
      return observer
    }
    const aborted = (error) => error?.name === 'AbortError'

    const analysisQuery = () =>
      query({
        by: $('ak-a-by').value,
        wave: $('ak-a-wave').value,
        waves: $('ak-a-waves').value,
        review: $('ak-a-approved').checked ? 'approved' : '',
        lang: data.locale,
      })

    // ---- waves: the wave of the figures, the two waves compared, and why none are
    /** "wave 2026 has 1 response" phrases of some waves, joined, first letter upper case. */
    const waveList = (waves) => {
      const list = waves
        .map((w) => {
          const has = fill(w.n === 1 ? t.waveHasOne : t.waveHasMany, { wave: w.wave, n: w.n })
          return w.paired === w.n ? has : `${has}${fill(t.wavePaired, { paired: w.paired })}`
        })
        .join(t.waveListSeparator)
      return list.charAt(0).toUpperCase() + list.slice(1)
    }
    const waveNote = (doc) => {
      const k = doc.suppressBelow
      const scope = doc.wave === null ? t.figuresAllWaves : fill(t.figuresWave, { wave: doc.wave })
      const lines = [scope]
      if (doc.waves) {
        lines.push(fill(t.wavesCompared, { from: doc.waves.from, to: doc.waves.to }))
        const later = doc.waveCounts.filter((w) => doc.waves.leftOut.includes(w.wave))
        if (later.length > 0) {
          const left = later.length === 1 ? t.wavesLeftOutOne : t.wavesLeftOutMany
          lines.push(fill(left, { list: waveList(later), k }))
        }
      } else if (doc.wavesNote) {
        const note = doc.wavesNote
        const short = note.waves.filter((w) => w.paired < k)
        const none = note.requested ? t.wavesNoneRequested : t.wavesNone
        lines.push(fill(none, { list: waveList(short.length > 0 ? short : note.waves), k }))
      }
      return lines.join(' ')
    }
    /** Refills a select's options after its first `keep` ones, keeping the choice. */
    const refill = (select, keep, options) => {
      const value = select.value
      const fixed = [...select.options].slice(0, keep)
      const next = options.map((o) => el('option', { value: o.value, text: o.label }))
      select.replaceChildren(...fixed, ...next)
      select.value = [...select.options].some((o) => o.value === value) ? value : ''
    }
    /** The wave choices from the waves of the counted responses, with their sizes. */
    const showWaves = (doc) => {
      $('ak-waves-note').textContent = waveNote(doc)
      const waves = doc.waveCounts
      refill(
        $('ak-a-wave'),
        2,
        waves.map((w) => ({ value: w.wave, label: fill(t.waveOption, { wave: w.wave, n: w.n }) })),
      )
      const pairs = waves.flatMap((a, i) =>
        waves
          .slice(i + 1)
          .map((b) => ({ value: `${a.wave},${b.wave}`, label: `${a.wave} → ${b.wave}` })),
      )
      refill($('ak-a-waves'), 1, pairs)
    }

    const groupsTable = (doc) => {
      const tbody = document.querySelector('#ak-groups tbody')
      const rows = doc.groups.map((g) =>
        el(
          'tr',
          { 'data-group': g.key },
          el(
            'th',
            { scope: 'row' },
            `${g.label} `,
            g.label !== g.key ? el('span', { class: 'ak-id', text: g.key }) : null,
          ),
          el(
            'td',
            { class: 'ak-num' },
            el('span', { class: 'ak-n', text: String(g.n) }),
            g.suppressed
              ? el('div', { class: 'ak-note', text: fill(t.suppressed, { k: doc.suppressBelow }) })
              : null,
          ),
        ),
      )
      rows.push(
        el(
          'tr',
          { class: 'ak-total' },
          el('th', { scope: 'row', text: t.total }),
          el('td', { class: 'ak-num', text: String(doc.n) }),
        ),
      )
      tbody.replaceChildren(...rows)
    }

    // Charts are drawn at their own size, never shrunk, so no text is smaller than in the
    // report (9 px). One wider than its box (a phone) scrolls sideways; a chart of one view
    // (bars by group) is drawn again to fit the box instead: its plot narrower by the excess,
    // the title and notes wrapped to shorter lines, the legend in fewer columns.
    const overflow = (box) => {
      const svg = box.querySelector('svg')
      return svg ? Math.ceil(svg.getBoundingClientRect().width - box.clientWidth) : 0
    }
    const fitToWidth = (spec, width, excess) => {
      const single = typeof spec.width === 'number' && (spec.layer || spec.mark)
      if (!single || width < 200 || spec.width - excess < 100) return null
      const lines = (text, size) => rewrap(text, Math.floor((width - 24) / (size * 0.7)))
      const title =
        spec.title && typeof spec.title === 'object' && !Array.isArray(spec.title)
          ? {
              ...spec.title,
              text: lines(spec.title.text, 15),
              ...(spec.title.subtitle ? { subtitle: lines(spec.title.subtitle, 11) } : {}),
            }
          : spec.title
      // A few px to spare: the wrapped title may end a little wider than before.
      const plot = spec.width - excess - 8
      // A bottom legend starts under the plot: it gets the plot's width, in 10 px type.
      const narrow = (layer) => {
        const legend = layer.encoding?.color?.legend
        if (!legend?.columns) return layer
        const fitted = {
          ...legend,
          columns: Math.max(1, Math.floor(plot / 180)),
          labelFontSize: 10,
          labelLimit: plot - 24,
        }
        const color = { ...layer.encoding.color, legend: fitted }
        return { ...layer, encoding: { ...layer.encoding, color } }
      }
      return {
        ...narrow(spec),
        ...(spec.layer ? { layer: spec.layer.map(narrow) } : {}),
        title,
        width: plot,
      }
    }
    /** Lines of text joined and broken again at spaces into lines of at most `chars`. */
    const rewrap = (text, chars) => {
      const words = [text].flat().join(' ').split(/\s+/).filter(Boolean)
      const out = []
      for (const word of words) {
        const last = out.length - 1
        if (last >= 0 && out[last].length + 1 + word.length <= chars) out[last] += ` ${word}`
        else out.push(word)
      }
      return out
    }

    const chartFigure = (chart, qs, signal) => {
      const body = el('div', { class: 'ak-chart' })
      const link = (href, text) => (href ? el('a', { href, text, download: '' }) : null)
      const figure = el(
        'figure',
        { class: 'ak-figure', 'data-chart': chart.id },
        el('figcaption', { text: chart.title }),
        body,
        el(
          'div',
          { class: 'ak-chart-links' },
          link(chart.links?.svg, 'SVG'),
          link(chart.links?.png, 'PNG'),
          link(chart.links?.vlJson, 'Vega-Lite'),
        ),
      )
      const specUrl = chart.links?.vlJson
      figure.addEventListener(
        'ak-render',
        async () => {
          try {
            const url = specUrl.includes('?') ? specUrl : `${specUrl}?${qs}`
            const spec = await api('GET', url, undefined, signal)
            const drawn = await embed(body, spec)
            const excess = overflow(body)
            const fitted = excess > 0 ? fitToWidth(spec, body.clientWidth, excess) : null
            if (fitted) {
              drawn.finalize()
              body.replaceChildren()
              await embed(body, fitted)
            }
            // The chart draws its own title; the caption stays for screen readers.
            figure.classList.add('ak-rendered')
          } catch (error) {
            if (!aborted(error)) failed(body)(error)
          }
        },
        { once: true },
      )
      return figure
    }

    /** Without the chart service: respondents per group, drawn here. */
    const fallbackChart = (doc) => {
      const target = chartsEl.appendChild(el('div', { class: 'ak-chart ak-wide' }))
      return embed(target, {
        $schema: SCHEMA,
        width: plotWidth(target),
        height: { step: 24 },
        data: { values: doc.groups.map((g) => ({ group: g.label, n: g.n })) },
        mark: { type: 'bar', color: '#0072B2', tooltip: true },
        encoding: {
          y: { field: 'group', type: 'nominal', title: null, sort: null },
          x: {
            field: 'n',
            type: 'quantitative',
            title: t.n,
            axis: { tickMinStep: 1, format: 'd' },
          },
        },
      })
    }

    const updateReports = () => {
      const qs = analysisQuery()
      for (const a of document.querySelectorAll('a[data-report]')) {
        a.href = `${base}/report.${a.dataset.report}?${qs}`
      }
    }

    const loadAnalysis = async () => {
      const mine = ++generation
      controller?.abort()
      controller = new AbortController()
      const { signal } = controller
      const qs = analysisQuery()
      updateReports()
      $('ak-counts-note').textContent = $('ak-a-approved').checked ? t.countsApproved : t.countsNote
      setStatus(analysisStatus, t.loading)
      try {
        // The document and the chart list in parallel: both run the analysis on the server.
        const [doc, list] = await Promise.all([
          api('GET', `${base}/analysis?${qs}`, undefined, signal),
          data.charts ? api('GET', `${base}/charts?${qs}`, undefined, signal) : null,
        ])
        if (mine !== generation) return
        groupsTable(doc)
        showWaves(doc)
        const charts = Array.isArray(list) ? list : list?.charts
        chartsEl.replaceChildren()
        if (!Array.isArray(charts)) {
          setStatus(analysisStatus, t.chartsUnavailable)
          await fallbackChart(doc)
          return
        }
        setStatus(analysisStatus, '')
        const watcher = watchFigures()
        for (const chart of charts) {
          const figure = chartFigure(chart, qs, signal)
          chartsEl.append(figure)
          if (watcher) watcher.observe(figure)
          else figure.dispatchEvent(new Event('ak-render'))
        }
      } catch (error) {
        if (mine === generation && !aborted(error)) failed(analysisStatus)(error)
      }
    }
    for (const id of ['ak-a-by', 'ak-a-wave', 'ak-a-waves', 'ak-a-approved']) {
      $(id).addEventListener('change', () => loadAnalysis())
    }

    // The analysis and its chart list cost the server a full analysis each: they load when the
    // panel comes near the screen, and reviews mark them stale (reloaded once, debounced, while
    // the panel is in view; else when it next comes into view).
    const ANALYSIS_DEBOUNCE = 400
    let analysisStale = false
    let analysisInView = !('IntersectionObserver' in window)
    let staleTimer = null
    const refreshAnalysis = (delay = 0) => {
      analysisStale = true
      clearTimeout(staleTimer)
      if (!analysisInView) return
      staleTimer = setTimeout(() => {
        analysisStale = false
        loadAnalysis()
      }, delay)
    }
    if (!analysisInView) {
      new IntersectionObserver(
        (entries) => {
          analysisInView = entries.at(-1)?.isIntersecting ?? analysisInView
          if (analysisInView && analysisStale) refreshAnalysis()
        },
        { rootMargin: '200px 0px' },
      ).observe($('ak-analysis'))
    }

    // What the response page did before it sent us here (an erasure).
    const flash = sessionStorage.getItem('gapkit-survey-flash')
    sessionStorage.removeItem('gapkit-survey-flash')
    if (flash) setStatus(reviewStatus, flash, 'ok')
    reloadRows()
    refreshAnalysis()
  }

  admin.pages.survey = surveyPage
})()
