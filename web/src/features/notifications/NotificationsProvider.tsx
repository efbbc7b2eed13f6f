import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useAuth } from '../../app/AuthProvider'
import { useToast } from '../../components/Toast'
import { listNotifications, streamNotifications, type AppNotification } from './notificationsApi'

interface NotificationsState {
  unreadCount: number
  /** Bumped for each notification that arrives live, so an open list can reload. */
  arrivals: number
  /** Reads the unread count again (after marking items read). */
  refreshUnread: () => void
}

const NotificationsContext = createContext<NotificationsState>({ unreadCount: 0, arrivals: 0, refreshUnread: () => {} })

export function useNotifications() {
  return useContext(NotificationsContext)
}

const firstRetryMs = 1000
const lastRetryMs = 30_000

function pause(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * While someone is signed in: the unread count, and the live stream that raises it and shows a toast for each
 * new notification. A dropped stream is opened again with growing pauses, and the count re-read, so nothing
 * created meanwhile is missed in the count (the list itself is always read from the server).
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { status } = useAuth()
  const toast = useToast()
  const navigate = useNavigate()
  const [unreadCount, setUnreadCount] = useState(0)
  const [arrivals, setArrivals] = useState(0)
  const signedIn = status === 'signedIn'

  const refreshUnread = useCallback(() => {
    listNotifications({ limit: 1 }).then(
      (page) => setUnreadCount(page.unreadCount),
      () => {},
    )
  }, [])

  // Not a dependency of the stream: navigating must not reopen it. The count is read again rather than
  // counted up here, so the server stays its one source.
  const onArrival = useEffectEvent((notification: AppNotification) => {
    refreshUnread()
    setArrivals((count) => count + 1)
    toast({ message: notification.title, action: { label: 'View', onClick: () => navigate('/notifications') } })
  })

  useEffect(() => {
    if (!signedIn) {
      setUnreadCount(0)
      return
    }
    const controller = new AbortController()
    refreshUnread()
    void (async () => {
      let retry = firstRetryMs
      while (!controller.signal.aborted) {
        try {
          await streamNotifications((notification) => {
            retry = firstRetryMs
            onArrival(notification)
          }, controller.signal)
        } catch {
          // Offline, a restart, a proxy closing an idle stream: try again below.
        }
        if (controller.signal.aborted) return
        await pause(retry, controller.signal)
        retry = Math.min(retry * 2, lastRetryMs)
        refreshUnread()
      }
    })()
    return () => controller.abort()
  }, [signedIn, refreshUnread])

  const value = useMemo(() => ({ unreadCount, arrivals, refreshUnread }), [unreadCount, arrivals, refreshUnread])
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>
}
