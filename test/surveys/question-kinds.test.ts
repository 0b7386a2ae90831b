import { describe, expect, it } from 'vitest'
import {
  carriesNoData,
  isGroupable,
  isScalarKind,
  kindOfType,
  type QuestionKind,
} from '../../surveys/question-kinds.ts'

const TYPES = [
  'text',
  'comment',
  'radiogroup',
  'dropdown',
  'buttongroup',
  'imagepicker',
  'checkbox',
  'tagbox',
  'ranking',
  'rating',
  'boolean',
  'matrix',
  'matrixdropdown',
  'matrixdynamic',
  'paneldynamic',
  'multipletext',
  'expression',
  'file',
  'signaturepad',
  'slider',
  'html',
  'image',
  'panel',
  'no-such-type',
]

describe('question kinds read from the JSON type', () => {
  it('names the answer shape where the type alone decides it', () => {
    expect(kindOfType('radiogroup')).toBe('choice')
    expect(kindOfType('tagbox')).toBe('choices')
    expect(kindOfType('html')).toBe('display')
    // Their shape depends on inputType, masks or multiSelect: only the model can tell.
    expect(kindOfType('text')).toBeUndefined()
    expect(kindOfType('imagepicker')).toBeUndefined()
    expect(kindOfType('panel')).toBeUndefined()
  })

  it('knows no type named after an Object.prototype member', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(kindOfType(type)).toBeUndefined()
      expect(isGroupable(type)).toBe(false)
      expect(carriesNoData(type)).toBe(false)
    }
  })

  it('groups by a single choice per respondent: radiogroup, dropdown, buttongroup, boolean', () => {
    expect(TYPES.filter(isGroupable)).toEqual(['radiogroup', 'dropdown', 'buttongroup', 'boolean'])
  })

  it('holds no data in panels, display elements, expressions, files and signatures', () => {
    expect(TYPES.filter(carriesNoData)).toEqual([
      'expression',
      'file',
      'signaturepad',
      'html',
      'image',
      'panel',
    ])
  })

  it('keeps structured answers out of the scalar kinds', () => {
    const kinds: QuestionKind[] = [
      'text',
      'number',
      'comment',
      'choice',
      'choices',
      'ranking',
      'rating',
      'boolean',
      'matrix',
      'matrixdropdown',
      'matrixdynamic',
      'paneldynamic',
      'multipletext',
      'expression',
      'file',
      'signaturepad',
      'slider',
      'display',
    ]
    expect(kinds.filter(isScalarKind)).toEqual([
      'text',
      'number',
      'comment',
      'choice',
      'rating',
      'boolean',
      'expression',
      'signaturepad',
    ])
  })
})
