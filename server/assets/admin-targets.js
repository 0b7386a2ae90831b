// Collection targets on the progress page: the form of each questionnaire sets a target
// (PUT /api/admin/targets/:survey/:region/:wave), a row's "Set target" fills the form, its
// "Remove" (two clicks) deletes the target. After a change the page reloads on that
// questionnaire, with the outcome announced. Uses admin.js's helpers.
;(() => {
  const admin = window.gapkitAdmin
  if (!admin) return
  const { t, api, fill, setStatus, failed } = admin.helpers
  const FLASH = 'gapkit-target-flash'
  const MAX = 100000

  const targetUrl = (survey, region, wave) =>
    `/api/admin/targets/${[survey, region, wave].map(encodeURIComponent).join('/')}`

  /** Reloads the page on the questionnaire's section, carrying the message across. */
  const reloadWith = (survey, message) => {
    sessionStorage.setItem(FLASH, JSON.stringify({ survey, message }))
    location.reload()
  }

  const targets = () => {
    const sections = document.querySelectorAll('section[data-survey]')
    let flash = null
    try {
      flash = JSON.parse(sessionStorage.getItem(FLASH) || 'null')
    } catch {
      flash = null
    }
    sessionStorage.removeItem(FLASH)

    for (const section of sections) {
      const survey = section.dataset.survey
      const form = section.querySelector('form.ak-target-form')
      const details = section.querySelector('details.ak-targets')
      const status = section.querySelector('[data-target-status]')
      if (!form || !details || !status) continue
      const field = (name) => form.elements.namedItem(name)
      if (flash && flash.survey === survey) {
        details.open = true
        setStatus(status, flash.message, 'ok')
        section.scrollIntoView({ block: 'start' })
      }

      form.addEventListener('submit', async (event) => {
        event.preventDefault()
        const region = field('region').value
        const wave = field('wave').value.trim()
        const expected = Number(field('expected').value)
        if (!wave) {
          field('wave').focus()
          return setStatus(status, t.waveRequired, 'error')
        }
        if (!Number.isInteger(expected) || expected < 1 || expected > MAX) {
          field('expected').focus()
          return setStatus(status, fill(t.expectedInvalid, { max: MAX }), 'error')
        }
        const button = form.querySelector('button[type="submit"]')
        button.disabled = true
        try {
          const { target } = await api('PUT', targetUrl(survey, region, wave), { expected })
          reloadWith(
            survey,
            fill(t.targetSaved, {
              region: target.regionName,
              wave: target.wave,
              expected: target.expected,
            }),
          )
        } catch (error) {
          button.disabled = false
          failed(status)(error)
        }
      })

      section.addEventListener('click', async (event) => {
        const set = event.target.closest('button[data-set-target]')
        if (set) {
          details.open = true
          field('region').value = set.dataset.region
          if (set.dataset.wave) field('wave').value = set.dataset.wave
          const current = set.closest('td')?.dataset.expected
          field('expected').value = current || ''
          setStatus(status, '')
          field(set.dataset.wave ? 'expected' : 'wave').focus()
          return
        }
        const remove = event.target.closest('button[data-remove-target]')
        if (!remove) return
        if (remove.dataset.armed !== 'true') {
          // Two clicks, no dialog: the first arms the button for a few seconds.
          remove.dataset.armed = 'true'
          remove.textContent = t.confirmRemoveTarget
          setTimeout(() => {
            if (remove.isConnected) {
              remove.dataset.armed = ''
              remove.textContent = t.removeTarget
            }
          }, 5000)
          return
        }
        remove.disabled = true
        const { region, regionName, wave } = remove.dataset
        try {
          await api('DELETE', targetUrl(survey, region, wave))
          reloadWith(survey, fill(t.targetRemoved, { region: regionName, wave }))
        } catch (error) {
          remove.disabled = false
          details.open = true
          failed(status)(error)
        }
      })
    }
  }

  const progress = admin.pages.progress
  admin.pages.progress = () => {
    progress?.()
    targets()
  }
})()
