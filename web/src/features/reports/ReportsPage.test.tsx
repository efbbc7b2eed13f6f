import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import ReportsPage from './ReportsPage'
import type { Summary } from './reportsApi'

// Canvas charts can't draw in jsdom; the page's tables carry the same figures.
vi.mock('../../components/Chart', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
  palette: ['#000'],
}))

const summary: Summary = {
  period: { start: '2025-03-01', end: '2025-03-31', label: 'March 2025' },
  currency: 'USD',
  total: '240.75',
  count: 3,
  averagePerDay: '7.77',
  previous: { total: '200.00', changePercent: 20.4 },
  yearAgo: { total: '0', changePercent: null },
  byCategory: [
    { categoryId: 'c1', name: 'Groceries', total: '180.50', count: 2, share: 75 },
    { categoryId: 'c2', name: 'Transport', total: '60.25', count: 1, share: 25 },
  ],
  series: [
    { start: '2025-03-01', total: '180.50' },
    { start: '2025-03-02', total: '60.25' },
  ],
  topMerchants: [{ merchant: 'FreshMart', total: '180.50', count: 2 }],
  largest: [],
}

beforeEach(() => {
  api.accept(authResult('t1'))
})

afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

function stub() {
  const fake = fakeFetch({
    'POST /api/v1/auth/refresh': json(authResult('t1')),
    'GET /api/v1/me': json({ id: 'u1', currency: 'USD', timeZone: 'UTC' }),
    'GET /api/v1/categories': json([
      { id: 'c1', name: 'Groceries', color: '#22c55e', icon: null, isDefault: true },
      { id: 'c2', name: 'Transport', color: '#3b82f6', icon: null, isDefault: true },
    ]),
    'GET /api/v1/reports/summary': json(summary),
    'GET /api/v1/reports/trend': json({ points: [{ start: '2025-03-01', total: '240.75', byCategory: {} }] }),
  })
  vi.stubGlobal('fetch', fake.fetch)
  return fake
}

describe('ReportsPage', () => {
  it('gives the donut chart a table with the same figures', async () => {
    stub()
    renderWithApp(<ReportsPage />, { route: '/reports?period=month&date=2025-03-15' })

    const table = await screen.findByRole('table', { name: 'Spending by category' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.textContent)).toEqual(['Groceries$180.5075%2', 'Transport$60.2525%1'])
    expect(screen.getByRole('img', { name: /Donut chart of spending by category/ })).toBeInTheDocument()
    expect(screen.getByText('March 2025')).toBeInTheDocument()
    expect(screen.getByText(/20% more than the previous month/)).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Spending per day' })).toBeInTheDocument()
  })

  it('moves to the previous period from the start of this one', async () => {
    const fake = stub()
    renderWithApp(<ReportsPage />, { route: '/reports?period=month&date=2025-03-15' })

    await userEvent.click(await screen.findByRole('button', { name: /Previous month/ }))

    await waitFor(() => expect(fake.callsTo('GET /api/v1/reports/summary').at(-1)?.url).toContain('date=2025-02-28'))
  })

  it('switches to the year view', async () => {
    const fake = stub()
    renderWithApp(<ReportsPage />, { route: '/reports' })

    await userEvent.click(await screen.findByRole('button', { name: 'Year' }))

    await waitFor(() => expect(fake.callsTo('GET /api/v1/reports/summary').at(-1)?.url).toContain('period=year'))
    expect(screen.getByRole('button', { name: 'Year' })).toHaveAttribute('aria-pressed', 'true')
  })
})
