/**
 * The entry point to survey-core on the server. Importing this module registers what Gapkit adds
 * to SurveyJS (the top-level `gapkit` block) and loads every SurveyJS translation, so built-in
 * messages follow `model.locale`. Code that builds models goes through `createModel`.
 */
import { type Base, type JsonError, Model, Serializer } from 'survey-core'
import 'survey-core/i18n'
import type { SurveyJson } from './types.ts'

// The `gapkit` block is Gapkit's, not SurveyJS's: registering it keeps it out of `jsonErrors`
// and keeps it in `model.toJSON()`. It is hidden from the SurveyJS Creator property grid.
if (!Serializer.findProperty('survey', 'gapkit')) {
  Serializer.addProperty('survey', { name: 'gapkit', visible: false })
}

/**
 * Builds a SurveyJS model from a questionnaire. Costs 14–40 ms: build once per questionnaire
 * version and reuse it.
 */
export function createModel(json: SurveyJson): Model {
  return new Model(json)
}

/**
 * survey-core's `jsonErrors` for a questionnaire (unknown properties, unknown types, missing
 * required properties), one line each, naming the element and property.
 *
 * @example surveyJsonErrors({ elements: [{ type: 'text', name: 'q', colour: 1 }] })
 * // → ['question "q" (text): Unknown property in class \'text\': \'colour\'.']
 */
export function surveyJsonErrors(json: SurveyJson): string[] {
  const errors = createModel(json).jsonErrors ?? []
  return errors.map(describeJsonError)
}

function describeJsonError(error: JsonError): string {
  const message = error.message.replace(/\s+/g, ' ').trim()
  const where = describeElement(error.element) || describeJsonObject(error.jsonObj)
  return where ? `${where}: ${message}` : message
}

// Errors about an element survey-core could not create (an unknown type) carry its JSON only.
function describeJsonObject(json: unknown): string {
  if (typeof json !== 'object' || json === null) return ''
  const name: unknown = Reflect.get(json, 'name')
  const type: unknown = Reflect.get(json, 'type')
  if (typeof name !== 'string') return ''
  return typeof type === 'string' ? `element "${name}" (type "${type}")` : `element "${name}"`
}

function describeElement(element: Base | undefined): string {
  if (!element) return ''
  const type = element.getType()
  if (type === 'survey') return 'survey'
  const name: unknown = Reflect.get(element, 'name')
  if (typeof name === 'string' && name) {
    const kind = element.isQuestion ? 'question' : element.isPanel ? 'panel' : type
    return kind === type ? `${type} "${name}"` : `${kind} "${name}" (${type})`
  }
  const value: unknown = Reflect.get(element, 'value')
  if (typeof value === 'string' || typeof value === 'number') return `${type} "${value}"`
  return type
}
