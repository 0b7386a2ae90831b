import type { Asset } from '../http/static-assets.ts'
import { h, renderPage } from './layout.ts'
import { type AdminLocale, adminText } from './text.ts'

/** Why the sign-in page is shown again. */
export type LoginProblem =
  | 'invalidCredentials'
  | 'accountDisabled'
  | 'invalidToken'
  | 'partnerToken'
  | 'badOrigin'

/**
 * The sign-in forms (`POST /admin/login`): email and password (fields `email`, `password`), and,
 * folded away, an admin token (field `token`) for scripts and the demo. Both work without
 * JavaScript. `next` is the dashboard page to return to; `email` refills the form after a miss.
 */
export function renderLoginPage(input: {
  locale: AdminLocale
  problem?: LoginProblem
  next?: string
  email?: string
  assets: Map<string, Asset>
}): string {
  const t = adminText(input.locale)
  const problem = input.problem ? `<p class="ak-alert" role="alert">${h(t[input.problem])}</p>` : ''
  const hidden = `<input type="hidden" name="lang" value="${h(input.locale)}">${
    input.next ? `<input type="hidden" name="next" value="${h(input.next)}">` : ''
  }`
  const tokenProblem = input.problem === 'invalidToken' || input.problem === 'partnerToken'
  const body = `<section class="ak-card ak-login">
<h1>${h(t.loginTitle)}</h1>
${problem}
<p>${h(t.passwordLoginIntro)}</p>
<form method="post" action="/admin/login" id="ak-login-password">
${hidden}
<label for="ak-email">${h(t.emailLabel)}</label>
<input id="ak-email" name="email" type="email" autocomplete="username" required maxlength="254" spellcheck="false" value="${h(input.email ?? '')}"${input.email ? '' : ' autofocus'}>
<label for="ak-password">${h(t.passwordLabel)}</label>
<input id="ak-password" name="password" type="password" autocomplete="current-password" required maxlength="200"${input.email ? ' autofocus' : ''}>
<button type="submit" class="ak-primary">${h(t.signIn)}</button>
</form>
<details class="ak-token-login"${tokenProblem ? ' open' : ''}>
<summary>${h(t.tokenSignIn)}</summary>
<p class="ak-muted">${h(t.loginIntro)}</p>
<form method="post" action="/admin/login" id="ak-login-token">
${hidden}
<label for="ak-token">${h(t.tokenLabel)}</label>
<input id="ak-token" name="token" type="password" autocomplete="off" required maxlength="200" spellcheck="false">
<button type="submit">${h(t.signIn)}</button>
</form>
</details>
</section>`
  return renderPage({
    locale: input.locale,
    title: t.loginTitle,
    path: '/admin',
    body,
    assets: input.assets,
  })
}
