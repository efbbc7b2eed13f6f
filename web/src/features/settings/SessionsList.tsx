import { useState } from 'react'
import { useNavigate } from 'react-router'
import { api } from '../../api/client'
import { formatDateTime } from '../../api/dates'
import { describeError } from '../../api/errors'
import { useApi } from '../../api/useApi'
import { useAuth } from '../../app/AuthProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import { listSessions, revokeSession, signOutEverywhere, type Session } from './profileApi'

/** "Firefox on Linux" from a user-agent string, good enough to recognise one's own devices. */
export function describeAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device'
  const browser =
    /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null
  if (browser && os) return `${browser} on ${os}`
  return browser ?? os ?? userAgent.slice(0, 60)
}

export function SessionsList() {
  const sessions = useApi((signal) => listSessions(signal), [])
  const { signOut } = useAuth()
  const navigate = useNavigate()
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)

  async function revoke(session: Session) {
    setBusy(session.id)
    try {
      if (session.current) {
        await signOut()
        navigate('/sign-in', { replace: true })
        return
      }
      await revokeSession(session.id)
      sessions.setData((list) => list?.filter((s) => s.id !== session.id))
      toast({ message: 'That device has been signed out.' })
    } catch (e) {
      toast({ message: describeError(e) })
    } finally {
      setBusy(null)
    }
  }

  async function everywhere() {
    setBusy('all')
    try {
      await signOutEverywhere()
    } catch (e) {
      toast({ message: describeError(e) })
      setBusy(null)
      return
    }
    api.clear()
    navigate('/sign-in', { replace: true })
  }

  return (
    <div className="stack">
      <ErrorNotice error={sessions.error} />
      {sessions.loading && <Loading label="Loading sessions…" />}
      {sessions.data && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Signed-in devices</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {describeAgent(s.userAgent)}
                    {s.current && <span className="tag"> this device</span>}
                  </th>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{s.lastUsedAt ? formatDateTime(s.lastUsedAt) : '—'}</td>
                  <td>
                    <button type="button" className="button-link" disabled={busy !== null} onClick={() => revoke(s)}>
                      {s.current ? 'Sign out here' : `Sign out ${describeAgent(s.userAgent)}`}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <button type="button" className="button-secondary" disabled={busy !== null} onClick={everywhere}>
          {busy === 'all' ? 'Signing out…' : 'Sign out everywhere'}
        </button>
      </div>
    </div>
  )
}
