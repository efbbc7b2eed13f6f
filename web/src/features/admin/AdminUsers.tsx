import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { formatDateTime } from '../../api/dates'
import { describeError } from '../../api/errors'
import { useAuth } from '../../app/AuthProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import { listUsers, updateUser, type AdminUser } from './adminApi'

export function AdminUsers() {
  const { user: me } = useAuth()
  const toast = useToast()
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const [users, setUsers] = useState<AdminUser[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState<string | null>(null)

  const load = useCallback(
    (from: string | null, signal?: AbortSignal) => {
      setLoading(true)
      setError(null)
      listUsers(query, from, signal).then(
        (page) => {
          setUsers((list) => (from ? [...list, ...page.items] : page.items))
          setCursor(page.nextCursor)
          setLoading(false)
        },
        (e: unknown) => {
          if (signal?.aborted) return
          setError(e)
          setLoading(false)
        },
      )
    },
    [query],
  )

  useEffect(() => {
    const controller = new AbortController()
    load(null, controller.signal)
    return () => controller.abort()
  }, [load])

  async function change(user: AdminUser, patch: { role?: string; disabled?: boolean }) {
    setSaving(user.id)
    try {
      const updated = await updateUser(user.id, patch)
      setUsers((list) => list.map((u) => (u.id === user.id ? { ...u, ...patch, ...updated } : u)))
      toast({
        message:
          patch.disabled !== undefined
            ? `${user.email} is now ${patch.disabled ? 'disabled' : 'enabled'}.`
            : `${user.email} is now ${patch.role === 'admin' ? 'an admin' : 'a user'}.`,
      })
    } catch (e) {
      toast({ message: `Could not change ${user.email}: ${describeError(e)}` })
    } finally {
      setSaving(null)
    }
  }

  function search(event: FormEvent) {
    event.preventDefault()
    setQuery(draft.trim())
  }

  return (
    <div className="stack">
      <form className="row" onSubmit={search} role="search" aria-label="User search">
        <Field label="Search users">
          {(c) => <input {...c} type="search" placeholder="Email or name" value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
        <button type="submit">Search</button>
      </form>
      <ErrorNotice error={error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Access</th>
              <th scope="col">Joined</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const self = u.id === me?.id
              return (
                <tr key={u.id}>
                  <th scope="row">
                    {u.email}
                    {u.displayName && <div className="muted small">{u.displayName}</div>}
                  </th>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      Role for {u.email}
                    </label>
                    <select
                      id={`role-${u.id}`}
                      value={u.role}
                      disabled={self || saving === u.id}
                      onChange={(e) => change(u, { role: e.target.value })}
                    >
                      <option value="user">User</option>
                      <option value="admin">Admin</option>
                    </select>
                  </td>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={u.disabled}
                        disabled={self || saving === u.id}
                        onChange={(e) => change(u, { disabled: e.target.checked })}
                        aria-label={`Disable ${u.email}`}
                      />
                      {u.disabled ? 'Disabled' : 'Active'}
                    </label>
                  </td>
                  <td>{u.createdAt ? formatDateTime(u.createdAt) : '—'}</td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '—'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {loading && <Loading label="Loading users…" />}
      {!loading && users.length === 0 && !error && <p className="empty">No users match “{query}”.</p>}
      {cursor && !loading && (
        <div className="center">
          <button type="button" className="button-secondary" onClick={() => load(cursor)}>
            Load more
          </button>
        </div>
      )}
    </div>
  )
}
