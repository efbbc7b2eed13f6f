import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import AdminPage from './AdminPage'

const admin = { ...authResult('t1'), user: { id: 'u1', email: 'root@example.com', displayName: 'Root', role: 'admin' } }
const bob = { id: 'u2', email: 'bob@example.com', displayName: 'Bob', role: 'user', disabled: false }

beforeEach(() => api.accept(admin))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

describe('AdminPage', () => {
  it('searches users and disables one', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/refresh': json(admin),
      'GET /api/v1/me': json({ id: 'u1', currency: 'USD' }),
      'GET /api/v1/admin/users': json({ items: [bob], nextCursor: null }),
      'PATCH /api/v1/admin/users/u2': json({ ...bob, disabled: true }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<AdminPage />, { route: '/admin' })

    await userEvent.type(screen.getByLabelText('Search users'), 'bob')
    await userEvent.click(screen.getByRole('button', { name: 'Search' }))
    await waitFor(() => expect(fake.callsTo('GET /api/v1/admin/users').at(-1)?.url).toContain('q=bob'))

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Disable bob@example.com' }))

    expect(await screen.findByText('bob@example.com is now disabled.')).toBeInTheDocument()
    expect(JSON.parse(fake.callsTo('PATCH /api/v1/admin/users/u2')[0].body ?? '{}')).toEqual({ disabled: true })
    expect(screen.getByRole('checkbox', { name: 'Disable bob@example.com' })).toBeChecked()
  })

  it('shows the system report’s figures and tables', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': json(admin),
        'GET /api/v1/me': json({ id: 'u1', currency: 'USD' }),
        'GET /api/v1/admin/users': json({ items: [], nextCursor: null }),
        'GET /api/v1/admin/reports/summary': json({
          users: 12,
          activeUsers: 7,
          totalsByCategory: [{ category: 'Groceries', total: '120.00', count: 3 }],
          deliveries: [{ channel: 'sms', status: 'sent', count: 4 }],
        }),
      }).fetch,
    )
    renderWithApp(<AdminPage />, { route: '/admin' })

    await userEvent.click(screen.getByRole('button', { name: 'System report' }))

    expect(await screen.findByText('Active users')).toBeInTheDocument()
    expect(screen.getByText('7')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Totals by category' })).toHaveTextContent('Groceries120.003')
    expect(screen.getByRole('table', { name: 'Deliveries' })).toHaveTextContent('smssent4')
  })
})
