// Progressive enhancement only: every page works without this file.
import { initAll } from '../dist/govuk-frontend.min.js'

// Every button that submits a form ignores a second click within a second
// (GOV.UK Frontend's prevent-double-click); the server also records a repeat once.
for (const button of document.querySelectorAll('form button:not([type="button"]), form input[type="submit"]')) {
  button.dataset.module = 'govuk-button'
  button.dataset.preventDoubleClick = 'true'
}

initAll()

// Sign-up: suggest the organisation from the email address's domain.
const email = document.querySelector('[data-organisation-suggest] input[type="email"], form input[name="email"]')
const select = document.querySelector('select[name="organisation"]')
if (email && select) {
  const hint = document.createElement('p')
  hint.className = 'govuk-body-s'
  hint.setAttribute('aria-live', 'polite')
  select.closest('.govuk-form-group').appendChild(hint)
  email.addEventListener('change', async () => {
    if (select.value) return
    const url = `/organisations/suggest/?email=${encodeURIComponent(email.value)}`
    const response = await fetch(url, { headers: { Accept: 'application/json' } })
    if (!response.ok) return
    const { organisation } = await response.json()
    if (organisation) {
      select.value = String(organisation.id)
      const typed = document.getElementById(select.id.replace(/-select$/, ''))
      if (typed && typed !== select) typed.value = organisation.name
      hint.textContent = `We have chosen ${organisation.name} from your email address. You can change it.`
    }
  })
}

// Make the long organisation list searchable (accessible-autocomplete).
if (select && window.accessibleAutocomplete) {
  window.accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: '',
    showAllValues: true,
    dropdownArrow: () => ''
  })
}
