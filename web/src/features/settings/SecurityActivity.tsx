import { useState } from 'react'
import { formatDateTime } from '../../api/dates'
import { describeError } from '../../api/errors'
import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { listSecurityEvents, type SecurityEvent } from './profileApi'
import { describeAgent } from './SessionsList'

const kinds: Record<string, string> = {
  signedIn: 'Signed in',
  signInFailed: 'Wrong password',
  lockedOut: 'Sign-in locked after repeated wrong passwords',
  tokenReuse: 'A used sign-in token came back; that session was ended',
  signedOut: 'Signed out',
  signedOutEverywhere: 'Signed out everywhere',
  sessionRevoked: 'A device was signed out',
  passwordChanged: 'Password changed',
  roleChanged: 'Role changed',
  disabled: 'Account disabled',
  enabled: 'Account enabled',
}

/** The person's own security events, newest first, so a sign-in they did not make stands out. */
export function SecurityActivity() {
  const first = useApi((signal) => listSecurityEvents(null, signal), [])
  const [more, setMore] = useState<SecurityEvent[]>([])
  const [cursor, setCursor] = useState<string | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  if (first.loading) return <Loading label="Loading security activity…" />
  if (first.error) return <ErrorNotice error={first.error} />
  const events = [...(first.data?.items ?? []), ...more]
  const next = cursor === undefined ? (first.data?.nextCursor ?? null) : cursor

  async function loadMore() {
    try {
      const page = await listSecurityEvents(next)
      setMore((list) => [...list, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setError(describeError(e))
    }
  }

  return (
    <div className="stack">
      <ul aria-label="Security activity" className="plain-list">
        {events.map((event) => (
          <li key={event.id}>
            <strong>{kinds[event.kind] ?? event.kind}</strong>
            {event.detail && ` (${event.detail})`} — {formatDateTime(event.occurredAt)}
            {(event.userAgent || event.clientAddress) && (
              <span className="muted">
                {' '}
                · {event.userAgent ? describeAgent(event.userAgent) : ''}
                {event.clientAddress ? ` from ${event.clientAddress}` : ''}
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
      {next && (
        <div>
          <button type="button" onClick={loadMore}>
            Show older activity
          </button>
        </div>
      )}
    </div>
  )
}
