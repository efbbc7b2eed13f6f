import { useApi } from '../../api/useApi'
import { externalSignInUrl, listProviders } from './authApi'

/** Buttons for the sign-in providers the server has configured; nothing when there are none. */
export function ExternalProviders() {
  const { data } = useApi((signal) => listProviders(signal), [])
  if (!data || data.length === 0) return null
  return (
    <section className="providers" aria-labelledby="providers-title">
      <h2 id="providers-title" className="divider-title">
        or continue with
      </h2>
      <ul>
        {data.map((p) => (
          <li key={p.name}>
            {/* A full page navigation: the server redirects to the provider and back, then sets the cookie. */}
            <a className="button button-secondary button-block" href={externalSignInUrl(p.name)}>
              {p.displayName}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
