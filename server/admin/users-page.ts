import type { Asset } from '../http/static-assets.ts'
import { USER_ROLES, type UserView } from '../services/users.ts'
import { h, renderPage, type Who } from './layout.ts'
import { shortTime } from './progress-page.ts'
import { type AdminLocale, type AdminText, adminText } from './text.ts'

/** The roles with what each may do, as a definition list (users and account pages). */
export function rolesHelp(t: AdminText): string {
  const items = USER_ROLES.map(
    (r) => `<dt>${h(t[`role_${r}`])}</dt><dd>${h(t[`roleHelp_${r}`])}</dd>`,
  ).join('')
  return `<dl class="ak-roles">${items}</dl>`
}

/** One row of the users table (admin-users.js builds the same rows after a change). */
function userRow(u: UserView, t: AdminText, selfEmail: string | null): string {
  const options = USER_ROLES.map(
    (r) => `<option value="${r}"${r === u.role ? ' selected' : ''}>${h(t[`role_${r}`])}</option>`,
  ).join('')
  const badges = [
    u.disabled
      ? `<span class="ak-badge ak-rejected">${h(t.disabled)}</span>`
      : `<span class="ak-badge ak-approved">${h(t.active)}</span>`,
    u.mustChangePassword ? `<span class="ak-badge ak-pending">${h(t.choosingPassword)}</span>` : '',
  ].join(' ')
  const self = u.email === selfEmail ? ` <span class="ak-muted">(${h(t.you)})</span>` : ''
  const toggle = u.disabled
    ? `<button type="button" data-enable="${u.id}">${h(t.enable)}</button>`
    : `<button type="button" class="ak-danger" data-disable="${u.id}">${h(t.disable)}</button>`
  return `<tr data-user="${u.id}" data-email="${h(u.email)}"><th scope="row">${h(u.email)}${self}</th><td>${h(u.name ?? '—')}</td><td><select data-role="${u.id}" aria-label="${h(t.roleLabel)} ${h(u.email)}">${options}</select></td><td>${badges}</td><td class="ak-nowrap">${h(u.lastSignInAt ? shortTime(u.lastSignInAt) : t.never)}</td><td class="ak-nowrap">${toggle} <button type="button" data-reset="${u.id}">${h(t.resetPassword)}</button></td></tr>`
}

function field(id: string, text: string, input: string, hint = ''): string {
  return `<div class="ak-field"><label for="${id}">${h(text)}${hint ? ` <span class="ak-muted">(${h(hint)})</span>` : ''}</label>${input}</div>`
}

/**
 * `GET /admin/users` (owners): add an account (its one-time password shown once), change roles,
 * disable or enable, reset a password. Every change goes through `/api/admin/users`.
 */
export function renderUsersPage(input: {
  locale: AdminLocale
  csrf: string
  who?: Who
  /** The signed-in person's email, to mark their own row. */
  selfEmail: string | null
  users: UserView[]
  assets: Map<string, Asset>
}): string {
  const t = adminText(input.locale)
  const roleOptions = USER_ROLES.map(
    (r) => `<option value="${r}"${r === 'viewer' ? ' selected' : ''}>${h(t[`role_${r}`])}</option>`,
  ).join('')
  const rows = input.users.map((u) => userRow(u, t, input.selfEmail)).join('\n')
  const body = `<h1>${h(t.usersTitle)}</h1>
<p class="ak-muted">${h(t.usersIntro)}</p>
<section class="ak-card" aria-labelledby="ak-new-user-title">
<h2 id="ak-new-user-title">${h(t.newUser)}</h2>
<form id="ak-user-form" class="ak-grid" novalidate>
${field('ak-u-email', t.emailLabel, '<input id="ak-u-email" name="email" type="email" maxlength="254" required autocomplete="off" spellcheck="false">')}
${field('ak-u-name', t.name, '<input id="ak-u-name" name="name" maxlength="200" autocomplete="off">', t.optional)}
${field('ak-u-role', t.roleLabel, `<select id="ak-u-role" name="role">${roleOptions}</select>`)}
<div class="ak-actions"><button type="submit" class="ak-primary">${h(t.createUser)}</button></div>
</form>
<div id="ak-user-created" class="ak-created" hidden>
<p class="ak-alert ak-warn" role="status" id="ak-user-created-note"></p>
<p><strong>${h(t.oneTimePassword)}</strong> <code id="ak-user-password" class="ak-secret"></code></p>
</div>
<p id="ak-user-status" class="ak-status" role="status" aria-live="polite"></p>
</section>
<section class="ak-card" aria-labelledby="ak-users-title">
<h2 id="ak-users-title">${h(t.usersTitle)}</h2>
<div class="ak-scroll"><table class="ak-table" id="ak-users">
<thead><tr><th scope="col">${h(t.emailLabel)}</th><th scope="col">${h(t.name)}</th><th scope="col">${h(t.roleLabel)}</th><th scope="col">${h(t.statusCol)}</th><th scope="col">${h(t.lastSignIn)}</th><th scope="col"><span class="ak-sr">${h(t.actions)}</span></th></tr></thead>
<tbody>
${rows || `<tr><td colspan="6" class="ak-muted">${h(t.noUsers)}</td></tr>`}
</tbody>
</table></div>
</section>
<section class="ak-card" aria-labelledby="ak-roles-title">
<h2 id="ak-roles-title">${h(t.rolesTitle)}</h2>
${rolesHelp(t)}
</section>`
  return renderPage({
    locale: input.locale,
    title: t.usersTitle,
    path: '/admin/users',
    csrf: input.csrf,
    who: input.who,
    body,
    scripts: ['admin.js', 'admin-users.js'],
    data: { page: 'users', locale: input.locale, text: t, self: input.selfEmail },
    assets: input.assets,
  })
}
