// The users page of the dashboard (owners): add an account and show its one-time password once,
// change a role, disable or enable, reset a password. Uses admin.js's helpers; every text goes
// in through textContent, every write carries the CSRF token (admin.js's api()).
;(() => {
  const admin = window.gapkitAdmin
  if (!admin) return
  const { data, t, $, el, api, fill, shortTime, setStatus, failed } = admin.helpers
  const ROLES = ['owner', 'analyst', 'reviewer', 'viewer']

  const usersPage = () => {
    const form = $('ak-user-form')
    const tbody = $('ak-users').querySelector('tbody')
    const status = $('ak-user-status')
    const roleName = (r) => t[`role_${r}`] || r

    const showPassword = (email, password) => {
      $('ak-user-created-note').textContent = fill(t.oneTimeOnce, { email })
      $('ak-user-password').textContent = password
      $('ak-user-created').hidden = false
    }

    const row = (u) =>
      el(
        'tr',
        { 'data-user': String(u.id), 'data-email': u.email },
        el(
          'th',
          { scope: 'row' },
          u.email,
          u.email === data.self ? el('span', { class: 'ak-muted', text: ` (${t.you})` }) : null,
        ),
        el('td', { text: u.name || '—' }),
        el(
          'td',
          {},
          el(
            'select',
            { 'data-role': String(u.id), 'aria-label': `${t.roleLabel} ${u.email}` },
            ROLES.map((r) => el('option', { value: r, text: roleName(r), selected: r === u.role })),
          ),
        ),
        el(
          'td',
          {},
          u.disabled
            ? el('span', { class: 'ak-badge ak-rejected', text: t.disabled })
            : el('span', { class: 'ak-badge ak-approved', text: t.active }),
          u.mustChangePassword ? ' ' : null,
          u.mustChangePassword
            ? el('span', { class: 'ak-badge ak-pending', text: t.choosingPassword })
            : null,
        ),
        el('td', {
          class: 'ak-nowrap',
          text: u.lastSignInAt ? shortTime(u.lastSignInAt) : t.never,
        }),
        el(
          'td',
          { class: 'ak-nowrap' },
          u.disabled
            ? el('button', { type: 'button', 'data-enable': String(u.id), text: t.enable })
            : el('button', {
                type: 'button',
                class: 'ak-danger',
                'data-disable': String(u.id),
                text: t.disable,
              }),
          ' ',
          el('button', { type: 'button', 'data-reset': String(u.id), text: t.resetPassword }),
        ),
      )

    const refresh = async () => {
      const { users } = await api('GET', '/api/admin/users')
      tbody.replaceChildren(
        ...(users.length
          ? users.map(row)
          : [el('tr', {}, el('td', { colSpan: 6, class: 'ak-muted', text: t.noUsers }))]),
      )
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      const email = $('ak-u-email').value.trim()
      const name = $('ak-u-name').value.trim()
      const body = { email, role: $('ak-u-role').value }
      if (name) body.name = name
      try {
        const created = await api('POST', '/api/admin/users', body)
        showPassword(created.user.email, created.password)
        $('ak-u-email').value = ''
        $('ak-u-name').value = ''
        await refresh()
        setStatus(status, fill(t.userCreated, { email: created.user.email }), 'ok')
      } catch (error) {
        failed(status)(error)
      }
    })

    // Two clicks, no dialog: the first arms the button for a few seconds.
    const armed = (button, confirmText, text) => {
      if (button.dataset.armed === 'true') return true
      button.dataset.armed = 'true'
      button.textContent = confirmText
      setTimeout(() => {
        if (button.isConnected) {
          button.dataset.armed = ''
          button.textContent = text
        }
      }, 5000)
      return false
    }

    tbody.addEventListener('change', async (event) => {
      const select = event.target.closest('select[data-role]')
      if (!select) return
      const email = select.closest('tr')?.dataset.email || ''
      try {
        const { user } = await api('PATCH', `/api/admin/users/${select.dataset.role}`, {
          role: select.value,
        })
        await refresh()
        setStatus(status, fill(t.roleChanged, { email, role: roleName(user.role) }), 'ok')
      } catch (error) {
        failed(status)(error)
        await refresh().catch(() => {})
      }
    })

    tbody.addEventListener('click', async (event) => {
      const button = event.target.closest(
        'button[data-disable], button[data-enable], button[data-reset]',
      )
      if (!button) return
      const email = button.closest('tr')?.dataset.email || ''
      const { disable, enable, reset } = button.dataset
      if (disable && !armed(button, t.confirmDisable, t.disable)) return
      if (reset && !armed(button, t.confirmReset, t.resetPassword)) return
      button.disabled = true
      try {
        let done
        if (reset) {
          const result = await api('POST', `/api/admin/users/${reset}/password`)
          showPassword(email, result.password)
          done = t.passwordReset
        } else {
          await api('PATCH', `/api/admin/users/${disable || enable}`, {
            disabled: Boolean(disable),
          })
          done = disable ? t.userDisabled : t.userEnabled
        }
        // The table first, then the message: what the message says is on screen.
        await refresh()
        setStatus(status, fill(done, { email }), 'ok')
      } catch (error) {
        button.disabled = false
        failed(status)(error)
      }
    })
  }

  admin.pages.users = usersPage
})()
