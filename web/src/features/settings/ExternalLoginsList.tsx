import { useState } from 'react'
import { useLocation } from 'react-router'
import { describeError } from '../../api/errors'
import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useToast } from '../../components/Toast'
import { listProviders } from '../auth/authApi'
import { listExternalLogins, startExternalLink, unlinkExternalLogin } from './profileApi'

// One entry per code the API's link completion can send back (Auth/External/LinkExternalLogin.cs on the server).
const linkErrors: Record<string, string> = {
  'already-linked': 'That provider account is already linked to another Outlay account.',
  'provider-already-linked': 'Another account at this provider is linked already. Unlink it first.',
  'provider-failed': 'Linking did not complete at the provider. Please try again.',
  'no-pending-sign-in': 'Linking took too long or was already used. Please try again.',
}

/** The sign-in providers this server offers, and which of them sign in to this account. Hidden when there are none. */
export function ExternalLoginsList() {
  const location = useLocation()
  const [outcome] = useState(() => new URLSearchParams(location.search))
  const providers = useApi((signal) => listProviders(signal), [])
  const links = useApi((signal) => listExternalLogins(signal), [])
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)

  if (!providers.data || providers.data.length === 0) return null

  async function link(provider: string) {
    setBusy(provider)
    try {
      const { redirectUrl } = await startExternalLink(provider)
      window.location.assign(redirectUrl)
    } catch (e) {
      toast({ message: describeError(e) })
      setBusy(null)
    }
  }

  async function unlink(provider: string) {
    setBusy(provider)
    try {
      await unlinkExternalLogin(provider)
      links.setData((list) => list?.filter((l) => l.provider !== provider))
    } catch (e) {
      toast({ message: describeError(e) })
    } finally {
      setBusy(null)
    }
  }

  const linkedNow = outcome.get('externalLinked')
  const error = outcome.get('externalError')
  return (
    <section className="card" aria-labelledby="external-logins-title">
      <h2 id="external-logins-title">Sign-in providers</h2>
      {linkedNow && <p role="status">You can now sign in with {providers.data.find((p) => p.name === linkedNow)?.displayName ?? linkedNow}.</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {linkErrors[error] ?? 'Linking the provider did not work. Please try again.'}
        </p>
      )}
      <ErrorNotice error={links.error} />
      <ul>
        {providers.data.map((p) => {
          const linked = links.data?.some((l) => l.provider === p.name) ?? false
          return (
            <li key={p.name}>
              {p.displayName} {linked && <span className="tag">linked</span>}{' '}
              <button
                type="button"
                className="button-link"
                disabled={busy !== null || !links.data}
                onClick={() => (linked ? unlink(p.name) : link(p.name))}
              >
                {linked ? `Unlink ${p.displayName}` : `Link ${p.displayName}`}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
