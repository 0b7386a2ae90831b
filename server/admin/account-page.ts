import type { Principal } from '../http/auth.ts'
import type { Asset } from '../http/static-assets.ts'
import { h, renderPage, type Who } from './layout.ts'
import { type AdminLocale, adminText, fill } from './text.ts'
import { rolesHelp } from './users-page.ts'

/** What the account page reports after a form was sent. */
export type AccountNotice =
  | 'passwordChanged'
  | 'passwordMismatch'
  | 'wrongPassword'
  | 'badOrigin'
  | 'pw_tooShort'
  | 'pw_tooLong'
  | 'pw_isEmail'
  | 'pw_repeated'
  | 'pw_same'

/**
 * `GET /admin/account`: who is signed in and with which role, changing one's password (people;
 * required first after a one-time password), and "log out everywhere". Plain forms: no script.
 */
export function renderAccountPage(input: {
  locale: AdminLocale
  csrf: string
  who?: Who
  principal: Principal
  notice?: AccountNotice
  assets: Map<string, Asset>
}): string {
  const t = adminText(input.locale)
  const p = input.principal
  const role = p.leadRole ?? 'viewer'
  const csrf = `<input type="hidden" name="csrf" value="${h(input.csrf)}"><input type="hidden" name="lang" value="${h(input.locale)}">`
  const alerts = [
    p.mustChangePassword ? `<p class="ak-alert ak-warn" role="alert">${h(t.mustChange)}</p>` : '',
    input.notice === 'passwordChanged'
      ? `<p class="ak-status" data-kind="ok" role="status">${h(t.passwordChanged)}</p>`
      : '',
    input.notice && input.notice !== 'passwordChanged'
      ? `<p class="ak-alert" role="alert">${h(t[input.notice])}</p>`
      : '',
  ].join('')
  const identity =
    p.kind === 'user'
      ? `<dl class="ak-facts"><dt>${h(t.emailLabel)}</dt><dd id="ak-account-email">${h(p.email)}</dd><dt>${h(t.name)}</dt><dd>${h(p.name)}</dd><dt>${h(t.roleLabel)}</dt><dd id="ak-account-role">${h(t[`role_${role}`])} — ${h(t[`roleHelp_${role}`])}</dd></dl>`
      : `<p>${h(fill(t.tokenAccount, { name: p.name }))}</p>`
  const password =
    p.kind === 'user'
      ? `<section class="ak-card" aria-labelledby="ak-password-title">
<h2 id="ak-password-title">${h(t.changePassword)}</h2>
<form method="post" action="/admin/account/password" class="ak-stack" id="ak-password-form">
${csrf}
<input type="text" name="username" value="${h(p.email)}" autocomplete="username" hidden>
<label for="ak-current">${h(t.currentPassword)}</label>
<input id="ak-current" name="current" type="password" autocomplete="current-password" required maxlength="200">
<label for="ak-new">${h(t.newPassword)}</label>
<input id="ak-new" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200" aria-describedby="ak-new-hint">
<p class="ak-muted" id="ak-new-hint">${h(t.passwordHint)}</p>
<label for="ak-confirm">${h(t.confirmPassword)}</label>
<input id="ak-confirm" name="confirm" type="password" autocomplete="new-password" required minlength="10" maxlength="200">
<button type="submit" class="ak-primary">${h(t.changePassword)}</button>
</form>
</section>`
      : ''
  const body = `<h1>${h(t.accountTitle)}</h1>
${alerts}
<section class="ak-card" aria-labelledby="ak-who-title">
<h2 id="ak-who-title">${h(p.kind === 'user' ? p.name : t.navAccount)}</h2>
${identity}
</section>
${password}
<section class="ak-card" aria-labelledby="ak-everywhere-title">
<h2 id="ak-everywhere-title">${h(t.logoutEverywhere)}</h2>
<p class="ak-muted">${h(t.logoutEverywhereIntro)}</p>
<form method="post" action="/admin/logout-everywhere">${csrf}<button type="submit" class="ak-danger">${h(t.logoutEverywhere)}</button></form>
</section>
<section class="ak-card" aria-labelledby="ak-roles-title">
<h2 id="ak-roles-title">${h(t.rolesTitle)}</h2>
${rolesHelp(t)}
</section>`
  return renderPage({
    locale: input.locale,
    title: t.accountTitle,
    path: '/admin/account',
    csrf: input.csrf,
    who: input.who,
    body,
    assets: input.assets,
  })
}
