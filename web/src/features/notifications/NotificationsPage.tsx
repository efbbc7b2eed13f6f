import { useEffect, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { formatDateTime } from '../../api/dates'
import { useApi } from '../../api/useApi'
import { listNotifications, markAllNotificationsRead, markNotificationRead, type AppNotification } from './notificationsApi'
import { useNotifications } from './NotificationsProvider'

export function NotificationsPage() {
  const { arrivals, refreshUnread } = useNotifications()
  const first = useApi((signal) => listNotifications({}, signal), [arrivals])
  const [more, setMore] = useState<AppNotification[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    setMore([])
    setCursor(first.data?.nextCursor ?? null)
  }, [first.data])

  const items = [...(first.data?.items ?? []), ...more]
  const unread = items.some((n) => n.readAt === null)

  async function act(work: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const readOne = (id: string) =>
    act(async () => {
      await markNotificationRead(id)
      const now = new Date().toISOString()
      first.setData((page) => page && { ...page, items: page.items.map((n) => (n.id === id ? { ...n, readAt: now } : n)) })
      setMore((list) => list.map((n) => (n.id === id ? { ...n, readAt: now } : n)))
      refreshUnread()
    })

  const readAll = () =>
    act(async () => {
      await markAllNotificationsRead()
      first.reload()
      refreshUnread()
    })

  const loadMore = () =>
    act(async () => {
      const page = await listNotifications({ cursor })
      setMore((list) => [...list, ...page.items])
      setCursor(page.nextCursor)
    })

  return (
    <section className="page">
      <header>
        <h1>Notifications</h1>
        <button type="button" className="button-secondary" onClick={readAll} disabled={busy || !unread}>
          Mark all as read
        </button>
      </header>
      {error !== null && <ErrorNotice error={error} />}
      {first.loading && !first.data && <Loading label="Loading notifications…" />}
      {first.error !== null && <ErrorNotice error={first.error} />}
      {first.data && items.length === 0 && (
        <p className="empty">
          Nothing yet. Outlay tells you here when a budget passes one of its alert thresholds, or looks likely to run
          out before the period ends.
        </p>
      )}
      {items.length > 0 && (
        <ul className="notification-list" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id} className={n.readAt === null ? 'notification unread' : 'notification'}>
              <div>
                <strong>{n.title}</strong>
                {n.readAt === null && <span className="visually-hidden"> (unread)</span>}
                <p>{n.message}</p>
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </div>
              {n.readAt === null && (
                <button type="button" className="button-secondary" onClick={() => readOne(n.id)} disabled={busy} aria-label={`Mark “${n.title}” as read`}>
                  Mark as read
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button-secondary" onClick={loadMore} disabled={busy}>
          Show older
        </button>
      )}
    </section>
  )
}
