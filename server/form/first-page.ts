/**
 * The first questions of a questionnaire as plain HTML inputs, in the page itself: on a slow
 * link SurveyJS takes seconds to arrive (its scripts weigh about 300 KB), while these can be
 * answered as soon as the page's first bytes are in. form.js moves what was answered into the
 * SurveyJS form when it takes over. Only the leading questions whose meaning plain HTML carries
 * whole are drawn: the first with a condition, a placeholder, a computed or hidden part, or a
 * type beyond text, comment, single and multiple choice, dropdown, yes/no and rating, ends it.
 */
import { escapeHtml as h } from '../../reports/escape.ts'
import { localize } from '../../surveys/definition.ts'
import { isRecord } from '../../surveys/json.ts'
import type { SurveyJson } from '../../surveys/types.ts'

/** Keys a question may have and still be drawn here (layout and checks SurveyJS applies later). */
const PLAIN_KEYS = new Set([
  'type',
  'name',
  'title',
  'description',
  'isRequired',
  'requiredErrorText',
  'choices',
  'showOtherItem',
  'otherText',
  'colCount',
  'inputType',
  'maxLength',
  'placeholder',
  'rows',
  'validators',
  'titleLocation',
  'renderAs',
  'labelTrue',
  'labelFalse',
  'rateMin',
  'rateMax',
  'min',
  'max',
  'step',
  'startWithNewLine',
])
const TEXT_INPUTS = new Set(['text', 'number', 'date', 'email', 'tel', 'url'])

export interface FirstPageText {
  yes: string
  no: string
  other: string
}

interface Choice {
  value: unknown
  text: string
}

function choicesOf(q: Record<string, unknown>, locale: string): Choice[] | null {
  if (!Array.isArray(q.choices)) return null
  const out: Choice[] = []
  for (const c of q.choices) {
    if (typeof c === 'string' || typeof c === 'number') out.push({ value: c, text: String(c) })
    else if (isRecord(c) && (typeof c.value === 'string' || typeof c.value === 'number')) {
      // A choice with a condition of its own is SurveyJS's to show or not.
      if (Object.keys(c).some((k) => k !== 'value' && k !== 'text')) return null
      out.push({
        value: c.value,
        text: c.text === undefined ? String(c.value) : localize(c.text, locale),
      })
    } else return null
  }
  return out
}

const field = (name: string) => `gk-early-${name}`
const valueAttr = (v: unknown) => `data-value="${h(JSON.stringify(v))}"`

function options(
  name: string,
  kind: 'radio' | 'checkbox',
  choices: Choice[],
  other: string | null,
): string {
  const items = choices.map(
    (c) =>
      `<label class="gk-eitem"><input type="${kind}" name="${h(field(name))}" ${valueAttr(c.value)} autocomplete="off"> <span>${h(c.text)}</span></label>`,
  )
  if (other !== null) {
    items.push(
      `<label class="gk-eitem"><input type="${kind}" name="${h(field(name))}" ${valueAttr('other')} autocomplete="off"> <span>${h(other)}</span></label>`,
      `<input type="text" class="gk-eother" data-other aria-label="${h(other)}" autocomplete="off">`,
    )
  }
  return items.join('\n')
}

/** The inputs of one question, or null when plain HTML cannot carry it whole. */
function inputs(q: Record<string, unknown>, locale: string, t: FirstPageText): string | null {
  const name = String(q.name)
  const other = q.showOtherItem === true ? localize(q.otherText, locale) || t.other : null
  switch (q.type) {
    case 'text': {
      const type = typeof q.inputType === 'string' ? q.inputType : 'text'
      if (!TEXT_INPUTS.has(type)) return null
      const max = typeof q.maxLength === 'number' ? ` maxlength="${q.maxLength}"` : ''
      return `<input type="${type}" name="${h(field(name))}" data-kind="${type === 'number' ? 'number' : 'text'}"${max} autocomplete="off">`
    }
    case 'comment':
      return `<textarea name="${h(field(name))}" data-kind="text" rows="3" autocomplete="off"></textarea>`
    case 'radiogroup':
    case 'checkbox': {
      const choices = choicesOf(q, locale)
      return choices
        ? options(name, q.type === 'radiogroup' ? 'radio' : 'checkbox', choices, other)
        : null
    }
    case 'dropdown': {
      const choices = choicesOf(q, locale)
      if (!choices) return null
      const list = [...choices, ...(other === null ? [] : [{ value: 'other', text: other }])]
      const opts = list.map((c) => `<option ${valueAttr(c.value)}>${h(c.text)}</option>`).join('')
      const extra =
        other === null
          ? ''
          : `\n<input type="text" class="gk-eother" data-other aria-label="${h(other)}" autocomplete="off">`
      return `<select name="${h(field(name))}" autocomplete="off"><option value=""></option>${opts}</select>${extra}`
    }
    case 'boolean':
      if (q.renderAs === 'checkbox') {
        return `<label class="gk-eitem"><input type="checkbox" name="${h(field(name))}" ${valueAttr(true)} autocomplete="off"> <span>${h(localize(q.title, locale) || name)}</span></label>`
      }
      return options(
        name,
        'radio',
        [
          { value: true, text: localize(q.labelTrue, locale) || t.yes },
          { value: false, text: localize(q.labelFalse, locale) || t.no },
        ],
        null,
      )
    case 'rating': {
      const min = typeof q.rateMin === 'number' ? q.rateMin : 1
      const max = typeof q.rateMax === 'number' ? q.rateMax : 5
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min || max - min > 10)
        return null
      const steps = Array.from({ length: max - min + 1 }, (_, i) => ({
        value: min + i,
        text: String(min + i),
      }))
      return `<div class="gk-erating">${options(name, 'radio', steps, null)}</div>`
    }
    default:
      return null
  }
}

/** A question is drawn only if nothing about it is left to SurveyJS's logic. */
function isPlain(q: Record<string, unknown>, locale: string): boolean {
  if (!Object.keys(q).every((k) => PLAIN_KEYS.has(k))) return false
  if (typeof q.name !== 'string' || !/^[\w.-]+$/.test(q.name)) return false
  // A `{placeholder}` in a text is filled in by SurveyJS.
  const texts = [q.title, q.description, q.otherText, q.labelTrue, q.labelFalse].map((x) =>
    localize(x, locale),
  )
  return !texts.some((s) => s.includes('{'))
}

/**
 * The leading plain questions of the first page, drawn as HTML (empty when there is none):
 * each `data-q` block holds inputs whose `data-value` is the JSON of the answer they give.
 */
export function renderFirstQuestions(survey: SurveyJson, locale: string, t: FirstPageText): string {
  const pages = Array.isArray(survey.pages) ? survey.pages : []
  const page = pages[0]
  if (!isRecord(page) || page.visibleIf !== undefined || !Array.isArray(page.elements)) return ''
  if (survey.firstPageIsStarted === true || survey.firstPageIsStartPage === true) return ''
  if (survey.questionsOnPageMode !== undefined && survey.questionsOnPageMode !== 'standard')
    return ''
  const blocks: string[] = []
  for (const q of page.elements) {
    if (!isRecord(q) || !isPlain(q, locale)) break
    const body = inputs(q, locale, t)
    if (body === null) break
    const title =
      q.type === 'boolean' && q.renderAs === 'checkbox'
        ? ''
        : localize(q.title, locale) || String(q.name)
    const required =
      q.isRequired === true ? '<span class="gk-req" aria-hidden="true"> *</span>' : ''
    const description = localize(q.description, locale)
    blocks.push(
      `<fieldset class="gk-eq" data-q="${h(String(q.name))}" data-type="${h(String(q.type))}">` +
        (title || required ? `<legend>${h(title)}${required}</legend>` : '') +
        (description ? `<p class="gk-edesc">${h(description)}</p>` : '') +
        `${body}</fieldset>`,
    )
  }
  return blocks.join('\n')
}
