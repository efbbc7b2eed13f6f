import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json, problem } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { ExpenseDetailPage } from './ExpenseDetailPage'
import type { Expense } from './expensesApi'

const coffee: Expense = {
  id: 'e1',
  amount: '4.20',
  currency: 'USD',
  occurredOn: '2025-03-02',
  categoryId: 'c1',
  categoryName: 'Groceries',
  merchant: 'Corner Café',
  note: null,
  tags: [],
  source: 'sms',
  createdAt: '2025-03-02T10:00:00Z',
  updatedAt: '2025-03-02T10:00:00Z',
  version: 3,
}

const base = {
  'POST /api/v1/auth/refresh': json(authResult('t1')),
  'GET /api/v1/me': json({ id: 'u1', currency: 'USD', timeZone: 'UTC' }),
  'GET /api/v1/categories': json([{ id: 'c1', name: 'Groceries', color: '#22c55e', icon: null, isDefault: true }]),
}

function renderPage(id = 'e1') {
  renderWithApp(<ExpenseDetailPage />, { route: `/expenses/${id}`, path: '/expenses/:id' })
}

beforeEach(() => {
  api.accept(authResult('t1'))
})

afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

describe('ExpenseDetailPage', () => {
  it('loads the expense into the edit form', async () => {
    vi.stubGlobal('fetch', fakeFetch({ ...base, 'GET /api/v1/expenses/e1': json(coffee, 200, { ETag: 'W/"3"' }) }).fetch)
    renderPage()

    expect(await screen.findByRole('heading', { level: 1, name: 'Corner Café' })).toBeInTheDocument()
    const form = screen.getByRole('form', { name: 'Edit expense' })
    expect(within(form).getByLabelText('Amount')).toHaveValue('4.20')
    expect(within(form).getByLabelText('Date')).toHaveValue('2025-03-02')
    expect(screen.getByText(/Recorded from a bank SMS/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to expenses' })).toHaveAttribute('href', '/expenses')
  })

  it('saves an edit with If-Match from the loaded ETag and returns to the list', async () => {
    const fake = fakeFetch({
      ...base,
      'GET /api/v1/expenses/e1': json(coffee, 200, { ETag: 'W/"3"' }),
      'PATCH /api/v1/expenses/e1': json({ ...coffee, merchant: 'Renamed', version: 4 }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    const form = await screen.findByRole('form', { name: 'Edit expense' })
    await userEvent.clear(within(form).getByLabelText('Merchant'))
    await userEvent.type(within(form).getByLabelText('Merchant'), 'Renamed')
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/expenses$/))
    const patch = fake.callsTo('PATCH /api/v1/expenses/e1')
    expect(patch).toHaveLength(1)
    expect(patch[0].headers['if-match']).toBe('W/"3"')
    expect(JSON.parse(patch[0].body ?? '{}')).toMatchObject({ merchant: 'Renamed', amount: '4.20' })
    expect(fake.callsTo('GET /api/v1/expenses/e1')).toHaveLength(1)
  })

  it('shows the refusal when the expense changed elsewhere and stays on the page', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...base,
        'GET /api/v1/expenses/e1': json(coffee, 200, { ETag: 'W/"3"' }),
        'PATCH /api/v1/expenses/e1': problem(412, 'The expense was changed elsewhere.'),
      }).fetch,
    )
    renderPage()

    const form = await screen.findByRole('form', { name: 'Edit expense' })
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent('The expense was changed elsewhere.')
    expect(screen.getByTestId('location')).toHaveTextContent('/expenses/e1')
  })

  it('says the expense was not found, with a way back, for a 404', async () => {
    vi.stubGlobal('fetch', fakeFetch({ ...base, 'GET /api/v1/expenses/other': problem(404, 'Not Found') }).fetch)
    renderPage('other')

    expect(await screen.findByRole('heading', { level: 1, name: 'Expense not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to expenses' })).toHaveAttribute('href', '/expenses')
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
  })

  it('deletes the expense and returns to the list, with Undo', async () => {
    const fake = fakeFetch({
      ...base,
      'GET /api/v1/expenses/e1': json(coffee, 200, { ETag: 'W/"3"' }),
      'DELETE /api/v1/expenses/e1': new Response(null, { status: 204 }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    await userEvent.click(await screen.findByRole('button', { name: 'Delete expense' }))

    expect(await screen.findByText('Deleted Corner Café ($4.20).')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/expenses$/))
    expect(fake.callsTo('DELETE /api/v1/expenses/e1')).toHaveLength(1)
  })
})
