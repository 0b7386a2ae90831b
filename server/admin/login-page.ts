import type { Asset } from '../http/static-assets.ts'
import { h, renderPage } from './layout.ts'
import { type AdminLocale, adminText } from './text.ts'

/** Why the sign-in page is shown again. */
export type LoginProblem = 'invalidToken' | 'partnerToken' | 'badOrigin'

/**
 * The sign-in form (`POST /admin/login`, field `token`); it works without JavaScript. `next` is
 * the dashboard page to return to.
 */
export function renderLoginPage(input: {
  locale: AdminLocale
  problem?: LoginProblem
  next?: string
  assets: Map<string, Asset>
}): string {
  const t = adminText(input.locale)
  const problem = input.problem ? `<p class="ak-alert" role="alert">${h(t[input.problem])}</p>` : ''
  const next = input.next ? `<input type="hidden" name="next" value="${h(input.next)}">` : ''
  const body = `<section class="ak-card ak-login">
<h1>${h(t.loginTitle)}</h1>
${problem}
<p>${h(t.loginIntro)}</p>
<form method="post" action="/admin/login">
<input type="hidden" name="lang" value="${h(input.locale)}">
${next}
<input type="text" name="username" value="admin" autocomplete="username" hidden>
<label for="ak-token">${h(t.tokenLabel)}</label>
<input id="ak-token" name="token" type="password" autocomplete="current-password" required maxlength="200" spellcheck="false">
<button type="submit" class="ak-primary">${h(t.signIn)}</button>
</form>
</section>`
  return renderPage({
    locale: input.locale,
    title: t.loginTitle,
    path: '/admin',
    body,
    assets: input.assets,
  })
}
