import { describe, expect, it } from 'vitest'
import type { SurveyJson } from '../../surveys/types.ts'
import { type WalkedElement, walkElements } from '../../surveys/walk.ts'

/** What a test reads from each walked element: its name, page, containers and dynamic flag. */
function summary(json: SurveyJson) {
  return [...walkElements(json)].map((e: WalkedElement) => ({
    name: e.element.name,
    type: e.type,
    page: e.page,
    containers: e.containers.map((c) => c.name),
    inDynamicPanel: e.inDynamicPanel,
  }))
}

describe('walkElements', () => {
  it('gives every element in document order: page by page, then the top-level elements', () => {
    const json = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'text', name: 'a' },
            { type: 'comment', name: 'b' },
          ],
        },
        { name: 'p2', elements: [{ type: 'rating', name: 'c' }] },
      ],
      elements: [{ type: 'boolean', name: 'd' }],
    }
    expect(summary(json)).toEqual([
      { name: 'a', type: 'text', page: 0, containers: ['p1'], inDynamicPanel: false },
      { name: 'b', type: 'comment', page: 0, containers: ['p1'], inDynamicPanel: false },
      { name: 'c', type: 'rating', page: 1, containers: ['p2'], inDynamicPanel: false },
      { name: 'd', type: 'boolean', page: 0, containers: [], inDynamicPanel: false },
    ])
  })

  it('puts a flat questionnaire on page 0 with no containers', () => {
    const json = { elements: [{ type: 'text', name: 'only' }] }
    expect(summary(json)).toEqual([
      { name: 'only', type: 'text', page: 0, containers: [], inDynamicPanel: false },
    ])
  })

  it('enters panels, nested ones too, giving each panel before what it holds', () => {
    const json = {
      pages: [
        {
          name: 'p1',
          elements: [
            {
              type: 'panel',
              name: 'outer',
              elements: [
                { type: 'text', name: 'a' },
                { type: 'panel', name: 'inner', elements: [{ type: 'dropdown', name: 'b' }] },
              ],
            },
            { type: 'text', name: 'c' },
          ],
        },
      ],
    }
    expect(summary(json).map((e) => [e.name, e.containers])).toEqual([
      ['outer', ['p1']],
      ['a', ['p1', 'outer']],
      ['inner', ['p1', 'outer']],
      ['b', ['p1', 'outer', 'inner']],
      ['c', ['p1']],
    ])
    expect(summary(json).every((e) => !e.inDynamicPanel)).toBe(true)
  })

  it("enters a dynamic panel's templateElements and marks them, panels inside included", () => {
    const json = {
      pages: [
        {
          name: 'p1',
          elements: [
            {
              type: 'paneldynamic',
              name: 'loans',
              templateElements: [
                { type: 'text', name: 'amount' },
                { type: 'panel', name: 'terms', elements: [{ type: 'radiogroup', name: 'rate' }] },
              ],
            },
            { type: 'text', name: 'after' },
          ],
        },
      ],
    }
    expect(summary(json).map((e) => [e.name, e.inDynamicPanel, e.containers])).toEqual([
      ['loans', false, ['p1']],
      ['amount', true, ['p1', 'loans']],
      ['terms', true, ['p1', 'loans']],
      ['rate', true, ['p1', 'loans', 'terms']],
      ['after', false, ['p1']],
    ])
  })

  it('reads containers only through the properties SurveyJS reads for their type', () => {
    const json = {
      elements: [
        // A question carrying `elements` is no container; a panel's `templateElements` is unread.
        { type: 'text', name: 'q', elements: [{ type: 'text', name: 'not-a-child' }] },
        { type: 'panel', name: 'p', templateElements: [{ type: 'text', name: 'not-either' }] },
      ],
    }
    expect(summary(json).map((e) => e.name)).toEqual(['q', 'p'])
  })

  it('passes over entries that are not objects and lists that are not lists', () => {
    const json = {
      pages: [
        'not a page',
        { name: 'p2', elements: [null, 3, ['x'], { type: 'text', name: 'a' }] },
        { name: 'p3', elements: 'not a list' },
        { name: 'p4', elements: [{ type: 'panel', name: 'empty', elements: { a: 1 } }] },
      ],
      elements: 'neither',
    }
    // A page index is the position in `pages`, the skipped entry counted.
    expect(summary(json).map((e) => [e.name, e.page])).toEqual([
      ['a', 1],
      ['empty', 3],
    ])
  })

  it('gives an element with no type the type ""', () => {
    expect(summary({ elements: [{ name: 'untyped' }] })[0]?.type).toBe('')
  })

  it('can stop early: the rest of the tree is not read', () => {
    let read = 0
    const json = {
      elements: [
        { type: 'text', name: 'first' },
        {
          type: 'panel',
          name: 'rest',
          get elements() {
            read++
            return [{ type: 'text', name: 'late' }]
          },
        },
      ],
    }
    for (const { element } of walkElements(json)) if (element.name === 'first') break
    expect(read).toBe(0)
  })
})
