import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { NotificationBell } from './NotificationBell'
import { NotificationsPage } from './NotificationsPage'
import { NotificationsProvider } from './NotificationsProvider'

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

function notification(id: string, title: string, readAt: string | null = null) {
  return {
    id,
    kind: 'budgetThreshold',
    title,
    message: `${title}: you have spent 160.00 USD of 200.00 USD this month.`,
    data: { threshold: 80 },
    createdAt: '2026-11-20T12:00:00Z',
    readAt,
    deliveries: [],
  }
}

/** A response whose body stays open after the given text, like a live stream. */
function openStream(text: string) {
  const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode(text)) })
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })
}

const routes = {
  'POST /api/v1/auth/refresh': json(authResult('t1')),
  'GET /api/v1/me': json({ id: 'u1', currency: 'USD' }),
}

describe('NotificationsPage', () => {
  it('lists the feed newest first, marks one read, then all, and shows older ones on request', async () => {
    const fake = fakeFetch({
      ...routes,
      'GET /api/v1/notifications': [
        json({ items: [notification('n2', 'Food budget is 80% used'), notification('n1', 'Monthly budget may run out')], nextCursor: 'c1', unreadCount: 3 }),
        json({ items: [notification('n0', 'Travel budget is used up', '2026-11-19T08:00:00Z')], nextCursor: null, unreadCount: 1 }),
      ],
      'POST /api/v1/notifications/n2/read': new Response(null, { status: 204 }),
      'POST /api/v1/notifications/read-all': new Response(null, { status: 204 }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<NotificationsPage />, { route: '/notifications' })

    const list = await screen.findByRole('list', { name: 'Notifications' })
    expect(within(list).getAllByRole('listitem').map((item) => within(item).getByText(/budget/, { selector: 'strong' }).textContent)).toEqual([
      'Food budget is 80% used',
      'Monthly budget may run out',
    ])

    await userEvent.click(screen.getByRole('button', { name: 'Mark “Food budget is 80% used” as read' }))
    expect(fake.callsTo('POST /api/v1/notifications/n2/read')).toHaveLength(1)
    expect(screen.queryByRole('button', { name: 'Mark “Food budget is 80% used” as read' })).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Show older' }))
    expect(await screen.findByText('Travel budget is used up')).toBeInTheDocument()
    expect(fake.callsTo('GET /api/v1/notifications').at(-1)?.url).toContain('cursor=c1')

    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }))
    expect(fake.callsTo('POST /api/v1/notifications/read-all')).toHaveLength(1)
  })

  it('says what will appear when there is nothing yet', async () => {
    vi.stubGlobal('fetch', fakeFetch({ ...routes, 'GET /api/v1/notifications': json({ items: [], nextCursor: null, unreadCount: 0 }) }).fetch)
    renderWithApp(<NotificationsPage />, { route: '/notifications' })

    expect(await screen.findByText(/Nothing yet/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled()
  })
})

describe('NotificationBell', () => {
  it('shows the unread count and raises it with a toast when a notification arrives live', async () => {
    const live = notification('n9', 'Your Groceries budget is used up')
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...routes,
        'GET /api/v1/notifications': [
          json({ items: [], nextCursor: null, unreadCount: 2 }),
          json({ items: [live], nextCursor: null, unreadCount: 3 }),
        ],
        'GET /api/v1/notifications/stream': () => openStream(`event: notification\ndata: ${JSON.stringify(live)}\nid: n9\n\n`),
      }).fetch,
    )
    renderWithApp(
      <NotificationsProvider>
        <NotificationBell />
      </NotificationsProvider>,
    )

    expect(await screen.findByRole('link', { name: 'Notifications, 3 unread' })).toHaveAttribute('href', '/notifications')
    expect(await screen.findByText('Your Groceries budget is used up')).toBeInTheDocument()
  })
})
