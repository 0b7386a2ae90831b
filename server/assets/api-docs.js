// Renders /api/openapi.json as a readable page: every path and method with its summary,
// authentication, parameters, request body and responses. Text only through textContent.
;(() => {
  const root = document.getElementById('ak-docs')
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag)
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue
      if (key === 'class') node.className = value
      else if (key === 'text') node.textContent = value
      else node.setAttribute(key, value)
    }
    for (const child of children.flat())
      if (child !== null && child !== undefined) node.append(child)
    return node
  }

  /** Text with `code` spans, as the document writes them. */
  const prose = (tag, text, props = {}) =>
    el(
      tag,
      props,
      String(text || '')
        .split('`')
        .map((part, i) => (i % 2 ? el('code', { text: part }) : part)),
    )

  let doc = null
  const resolve = (schema) => {
    if (schema?.$ref) {
      const name = schema.$ref.split('/').pop()
      return { name, schema: doc.components?.schemas?.[name] ?? {} }
    }
    return { name: null, schema: schema ?? {} }
  }
  const typeOf = (schema) => {
    const { name, schema: s } = resolve(schema)
    if (name) return name
    if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
    if (s.anyOf) return s.anyOf.map(typeOf).join(' | ')
    if (s.type === 'array') return `${typeOf(s.items)}[]`
    if (Array.isArray(s.type)) return s.type.join(' | ')
    return s.type || 'any'
  }

  /** A schema as a nested list of its properties (refs expanded a few levels deep). */
  const schemaTree = (schema, depth = 0) => {
    const { schema: s } = resolve(schema)
    const target = s.type === 'array' ? resolve(s.items).schema : s
    if (!target.properties || depth > 3) {
      return el(
        'p',
        { class: 'ak-muted' },
        el('code', { text: typeOf(schema) }),
        target.description ? prose('span', ` — ${target.description}`) : null,
      )
    }
    const required = new Set(target.required || [])
    return el(
      'ul',
      { class: 'ak-schema' },
      Object.entries(target.properties).map(([prop, sub]) => {
        const inner = resolve(sub).schema
        const nested =
          inner.properties || (inner.type === 'array' && resolve(inner.items).schema.properties)
        return el(
          'li',
          {},
          el('code', { text: prop }),
          required.has(prop) ? el('strong', { text: ' *' }) : null,
          ' ',
          el('span', { class: 'ak-muted', text: typeOf(sub) }),
          inner.description ? prose('span', ` — ${inner.description}`) : null,
          nested ? schemaTree(sub, depth + 1) : null,
        )
      }),
    )
  }

  /** The shared error shape is shown once, at the top; elsewhere only named. */
  const responseSchema = (schema) =>
    resolve(schema).name === 'Error'
      ? el('span', { class: 'ak-muted' }, ' ', el('a', { href: '#errors', text: 'Error' }))
      : schemaTree(schema)

  const security = (op) => {
    const list = op.security ?? doc.security ?? []
    if (list.length === 0) return 'none'
    return list.map((s) => Object.keys(s).join(' + ')).join(' or ')
  }

  const operation = (path, method, op) => {
    const params = op.parameters || []
    const section = el(
      'details',
      { class: 'ak-card ak-op', id: `${method}-${path}` },
      el(
        'summary',
        {},
        el('span', { class: `ak-method ak-${method}`, text: method.toUpperCase() }),
        ' ',
        el('code', { class: 'ak-path', text: path }),
        ' ',
        prose('span', op.summary, { class: 'ak-muted' }),
      ),
      op.description ? prose('p', op.description) : null,
      el('p', {}, el('strong', { text: 'Authentication: ' }), security(op)),
    )
    if (params.length) {
      section.append(
        el('h4', { text: 'Parameters' }),
        el(
          'div',
          { class: 'ak-scroll' },
          el(
            'table',
            { class: 'ak-table' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['Name', 'In', 'Type', 'Required', 'Description'].map((h) =>
                  el('th', { scope: 'col', text: h }),
                ),
              ),
            ),
            el(
              'tbody',
              {},
              params.map((p) =>
                el(
                  'tr',
                  {},
                  el('td', {}, el('code', { text: p.name })),
                  el('td', { text: p.in }),
                  el('td', { text: typeOf(p.schema) }),
                  el('td', { text: p.required ? 'yes' : 'no' }),
                  prose('td', p.description),
                ),
              ),
            ),
          ),
        ),
      )
    }
    if (op.requestBody) {
      section.append(el('h4', { text: 'Request body' }))
      for (const [type, media] of Object.entries(op.requestBody.content || {})) {
        section.append(el('p', {}, el('code', { text: type })), schemaTree(media.schema))
      }
    }
    section.append(el('h4', { text: 'Responses' }))
    const responses = el('ul', { class: 'ak-responses-list' })
    for (const [status, raw] of Object.entries(op.responses || {})) {
      const response = raw.$ref ? doc.components.responses[raw.$ref.split('/').pop()] : raw
      const types = Object.entries(response.content || {})
      responses.append(
        el(
          'li',
          {},
          el('strong', { text: status }),
          prose('span', ` ${response.description || ''} `),
          types.length
            ? el('span', { class: 'ak-muted', text: `(${types.map(([t]) => t).join(', ')})` })
            : null,
          types.length === 1 && types[0][0] === 'application/json'
            ? responseSchema(types[0][1].schema)
            : null,
        ),
      )
    }
    section.append(responses)
    return section
  }

  const render = () => {
    const tags = new Map()
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const tag = op.tags?.[0] || 'other'
        if (!tags.has(tag)) tags.set(tag, [])
        tags.get(tag).push(operation(path, method, op))
      }
    }
    const described = new Map((doc.tags || []).map((t) => [t.name, t.description]))
    // Sections in the document's tag order, then any other.
    const order = [...described.keys()]
    const rank = (tag) => (order.includes(tag) ? order.indexOf(tag) : order.length)
    const sections = [...tags.entries()].sort((a, b) => rank(a[0]) - rank(b[0]))
    const schemes = Object.entries(doc.components?.securitySchemes || {})
    root.replaceChildren(
      el('h1', { text: `${doc.info.title} ${doc.info.version}` }),
      prose('p', doc.info.description),
      el(
        'p',
        {},
        'OpenAPI ',
        el('code', { text: doc.openapi }),
        ' — ',
        el('a', { href: '/api/openapi.json', text: 'openapi.json' }),
      ),
      el('h2', { id: 'errors', text: 'Errors' }),
      schemaTree({ $ref: '#/components/schemas/Error' }),
      el('h2', { text: 'Authentication' }),
      el(
        'ul',
        {},
        schemes.map(([name, s]) =>
          el(
            'li',
            {},
            el('code', { text: name }),
            ` (${s.type}${s.in ? `, in ${s.in} “${s.name}”` : ''}${s.scheme ? `, ${s.scheme}` : ''})`,
            prose('span', ` — ${s.description || ''}`),
          ),
        ),
      ),
      ...sections.flatMap(([tag, ops]) => [
        el('h2', { text: tag }),
        described.get(tag) ? el('p', { class: 'ak-muted', text: described.get(tag) }) : null,
        ...ops,
      ]),
    )
    document.body.dataset.ready = 'true'
  }

  fetch('/api/openapi.json', { headers: { Accept: 'application/json' } })
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      return res.json()
    })
    .then((json) => {
      doc = json
      render()
    })
    .catch((error) => {
      root.replaceChildren(
        el('p', {
          class: 'ak-alert',
          text: `Could not load the API description: ${error.message}`,
        }),
      )
    })
})()
