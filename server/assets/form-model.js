// What the partner form asks of SurveyJS: a model of the questionnaire for one response, the
// answers a submission carries, server messages placed on their questions, and SurveyJS's own
// strings of a language loaded when it is first chosen.
;(() => {
  const touch = () => Boolean(window.matchMedia?.('(pointer: coarse)').matches)

  /**
   * Ranking by touch: dragging fights with scrolling on a phone, so a ranking is ordered by
   * tapping the items in turn (SurveyJS's select-to-rank). A full ranking stays full: every item
   * must be tapped, so the answer has the same shape as one ordered by dragging.
   */
  const rankByTapping = (model, emptyTexts) => {
    for (const q of model.getAllQuestions(false)) {
      if (q.getType() !== 'ranking') continue
      if (!q.selectToRankEnabled) {
        q.selectToRankEnabled = true
        q.minSelectedChoices = q.visibleChoices.length
      }
      // SurveyJS's "unranked area" text is the one the empty ranked area shows; a text the
      // questionnaire gives stays.
      const empty = q.locSelectToRankEmptyUnrankedAreaText
      if (!empty.isEmpty) continue
      for (const [code, text] of Object.entries(emptyTexts)) {
        empty.setLocaleText(code === 'en' ? '' : code, text)
      }
    }
  }

  /** A model with the link's region, the language in use and a response's answers and page. */
  const create = ({ definition, region, locale, record, rankEmpty }) => {
    const model = new Survey.Model(definition)
    if (touch()) rankByTapping(model, rankEmpty || {})
    model.setVariable('region', region)
    model.locale = locale === 'en' ? '' : locale
    if (record?.answers) model.data = record.answers
    if (typeof record?.page === 'number' && record.page < model.visiblePages.length) {
      model.currentPageNo = record.page
    }
    return model
  }

  // Answers of questions hidden by a condition stay in drafts (the person may come back to
  // them) but are not part of a submission, as SurveyJS itself clears them on completion.
  const visibleAnswers = (model) => {
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

  /**
   * Shows each server message on its question (`q` or a path `q.row.column`) and brings the
   * first one into view; returns the messages that name no question of this model.
   */
  const placeErrors = (model, errors) => {
    let first = null
    const unplaced = []
    for (const e of errors || []) {
      const name = String(e.question || '').split('.')[0]
      const q = name ? model.getQuestionByName(name) : null
      if (q) {
        q.addError(e.message)
        if (!first) first = q
      } else {
        unplaced.push(e.message)
      }
    }
    if (first) model.focusQuestion(first.name)
    return unplaced
  }

  /**
   * What was answered in the page's own first questions (server/form/first-page.ts) while
   * SurveyJS was on its way, and the question that had the focus.
   */
  const readEarly = () => {
    const root = document.getElementById('gk-early')
    const answers = {}
    for (const q of root ? root.querySelectorAll('[data-q]') : []) {
      const name = q.dataset.q
      const picked = [...q.querySelectorAll('input[data-value]')]
        .filter((i) => i.checked)
        .map((i) => JSON.parse(i.dataset.value))
      const select = q.querySelector('select')
      const text = q.querySelector('[data-kind]')
      const other = q.querySelector('[data-other]')
      if (q.dataset.type === 'checkbox') {
        if (picked.length) answers[name] = picked
      } else if (select) {
        const option = select.selectedOptions[0]
        if (option?.dataset.value) answers[name] = JSON.parse(option.dataset.value)
      } else if (text) {
        const v = text.value.trim()
        const n = Number(v)
        if (v) answers[name] = text.dataset.kind === 'number' && Number.isFinite(n) ? n : text.value
      } else if (picked.length) {
        answers[name] = picked[0]
      }
      if (other?.value.trim()) answers[`${name}-Comment`] = other.value.trim()
    }
    const focus = document.activeElement?.closest?.('#gk-early [data-q]')?.dataset.q || null
    return { answers, focus }
  }
  /** Reads the first questions' answers and removes those inputs: they are taken once. */
  const takeEarly = () => {
    const early = readEarly()
    document.getElementById('gk-early')?.remove()
    return early
  }

  let host = null
  /** Renders a model in `container`, unmounting the one shown before. */
  const mount = (model, container) => {
    if (host) SurveyUI.unmountComponentAtNode(host)
    container.textContent = ''
    host = document.createElement('div')
    container.append(host)
    SurveyUI.renderSurvey(model, host)
  }

  const loaded = new Set()
  /** Loads SurveyJS's strings of a language once (English is built in). */
  const loadStrings = (entry) => {
    if (!entry?.i18n || loaded.has(entry.code)) return Promise.resolve()
    loaded.add(entry.code)
    return new Promise((resolve) => {
      const script = document.createElement('script')
      script.src = entry.i18n
      script.onload = () => resolve()
      script.onerror = () => resolve()
      document.head.append(script)
    })
  }

  window.GapkitModel = {
    create,
    visibleAnswers,
    placeErrors,
    mount,
    loadStrings,
    loaded,
    touch,
    readEarly,
    takeEarly,
  }
})()
