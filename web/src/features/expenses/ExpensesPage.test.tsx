import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import type { Expense } from './expensesApi'
import { ExpensesPage } from './ExpensesPage'

function expense(n: number, extra: Partial<Expense> = {}): Expense {
  return {
    id: `e${n}`,
    amount: `${n}.50`,
    currency: 'USD',
    occurredOn: '2025-03-0' + ((n % 9) + 1),
    categoryId: 'c1',
    categoryName: 'Groceries',
    merchant: `Shop ${n}`,
    note: null,
    tags: [],
    source: 'manual',
    createdAt: '2025-03-01T10:00:00Z',
    updatedAt: '2025-03-01T10:00:00Z',
    version: 1,
    ...extra,
  }
}

const base = {
  'POST /api/v1/auth/refresh': json(authResult('t1')),
  'GET /api/v1/me': json({ id: 'u1', currency: 'USD', timeZone: 'UTC' }),
  'GET /api/v1/categories': json([{ id: 'c1', name: 'Groceries', color: '#22c55e', icon: null, isDefault: true }]),
}

beforeEach(() => {
  api.accept(authResult('t1'))
})

afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

describe('ExpensesPage', () => {
  it('loads the next page with the cursor the server gave', async () => {
    const fake = fakeFetch({
      ...base,
      'GET /api/v1/expenses': [
        json({ items: [expense(1), expense(2)], nextCursor: 'abc' }),
        json({ items: [expense(3)], nextCursor: null }),
      ],
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<ExpensesPage />, { route: '/expenses' })

    expect(await screen.findByText('Shop 2')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Shop 2, $2.50' })).toHaveAttribute('href', '/expenses/e2')
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))

    expect(await screen.findByText('Shop 3')).toBeInTheDocument()
    expect(fake.callsTo('GET /api/v1/expenses')[1].url).toContain('cursor=abc')
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })

  it('sends the filters from the address to the API', async () => {
    const fake = fakeFetch({ ...base, 'GET /api/v1/expenses': json({ items: [], nextCursor: null }) })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<ExpensesPage />, { route: '/expenses?from=2025-03-01&q=coffee&minAmount=5' })

    expect(await screen.findByText('No expenses match these filters.')).toBeInTheDocument()
    const url = fake.callsTo('GET /api/v1/expenses')[0].url
    expect(url).toContain('from=2025-03-01')
    expect(url).toContain('q=coffee')
    expect(url).toContain('minAmount=5')
  })

  it('deletes an expense and brings it back with Undo', async () => {
    const fake = fakeFetch({
      ...base,
      'GET /api/v1/expenses': json({ items: [expense(1), expense(2)], nextCursor: null }),
      'DELETE /api/v1/expenses/e1': new Response(null, { status: 204 }),
      'POST /api/v1/expenses/e1/restore': json(expense(1)),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<ExpensesPage />, { route: '/expenses' })

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Shop 1, $1.50' }))
    await waitFor(() => expect(screen.queryByText('Shop 1')).not.toBeInTheDocument())
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }))

    expect(await screen.findByText('Shop 1')).toBeInTheDocument()
    expect(fake.callsTo('POST /api/v1/expenses/e1/restore')).toHaveLength(1)
    const list = screen.getAllByRole('listitem').filter((li) => li.classList.contains('expense'))
    expect(within(list[0]).getByText('Shop 1')).toBeInTheDocument()
  })

  it('adds an expense with an idempotency key and shows it first', async () => {
    const fake = fakeFetch({
      ...base,
      'GET /api/v1/expenses': json({ items: [expense(1)], nextCursor: null }),
      'POST /api/v1/expenses': json(expense(9, { merchant: 'Corner Café', amount: '4.20' }), 201),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<ExpensesPage />, { route: '/expenses' })
    await screen.findByText('Shop 1')

    const form = screen.getByRole('form', { name: 'Add expense' })
    await userEvent.type(within(form).getByLabelText('Amount'), '4.20')
    await userEvent.type(within(form).getByLabelText('Merchant'), 'Corner Café')
    await userEvent.click(within(form).getByRole('button', { name: 'Add expense' }))

    expect(await screen.findByText('Corner Café')).toBeInTheDocument()
    const post = fake.callsTo('POST /api/v1/expenses')[0]
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(post.body ?? '{}')).toMatchObject({ amount: '4.20', merchant: 'Corner Café' })
  })

  it('edits with If-Match from the current ETag', async () => {
    const fake = fakeFetch({
      ...base,
      'GET /api/v1/expenses': json({ items: [expense(1)], nextCursor: null }),
      'GET /api/v1/expenses/e1': json(expense(1), 200, { ETag: 'W/"1"' }),
      'PATCH /api/v1/expenses/e1': json(expense(1, { merchant: 'Renamed' })),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<ExpensesPage />, { route: '/expenses' })

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Shop 1, $1.50' }))
    const form = screen.getByRole('form', { name: 'Edit expense' })
    await userEvent.clear(within(form).getByLabelText('Merchant'))
    await userEvent.type(within(form).getByLabelText('Merchant'), 'Renamed')
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText('Renamed')).toBeInTheDocument()
    expect(fake.callsTo('PATCH /api/v1/expenses/e1')[0].headers['if-match']).toBe('W/"1"')
  })
})
