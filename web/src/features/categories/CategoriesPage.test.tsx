import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json, problem } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { CategoriesPage } from './CategoriesPage'

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

const routes = {
  'POST /api/v1/auth/refresh': json(authResult('t1')),
  'GET /api/v1/me': json({ id: 'u1', currency: 'USD' }),
  'GET /api/v1/categories': json([
    { id: 'c1', name: 'Groceries', color: '#22c55e', icon: '🛒', isDefault: true },
    { id: 'c2', name: 'Snacks', color: '#f59e0b', icon: null, isDefault: false },
  ]),
}

describe('CategoriesPage', () => {
  it('explains that a category in use needs somewhere to move its expenses, then moves them', async () => {
    const fake = fakeFetch({
      ...routes,
      'DELETE /api/v1/categories/c2': [
        problem(409, 'Conflict', { detail: 'The category is used by 3 expenses.' }),
        new Response(null, { status: 204 }),
      ],
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<CategoriesPage />, { route: '/categories' })

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Snacks' }))
    const form = screen.getByRole('form', { name: 'Delete Snacks' })
    await userEvent.click(within(form).getByRole('button', { name: 'Delete category' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent('“Snacks” still has expenses.')

    await userEvent.selectOptions(within(form).getByLabelText('Move its expenses to'), 'Groceries')
    await userEvent.click(within(form).getByRole('button', { name: 'Delete category' }))

    await screen.findByText('Deleted “Snacks”.')
    expect(fake.callsTo('DELETE /api/v1/categories/c2')[1].url).toContain('reassignTo=c1')
    expect(screen.queryByRole('button', { name: 'Delete Snacks' })).not.toBeInTheDocument()
  })

  it('shows a duplicate name refused by the server', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...routes,
        'POST /api/v1/categories': problem(409, 'Conflict', { detail: 'A category named “Groceries” already exists.' }),
      }).fetch,
    )
    renderWithApp(<CategoriesPage />, { route: '/categories' })

    const form = await screen.findByRole('form', { name: 'New category' })
    await userEvent.type(within(form).getByLabelText('Name'), 'groceries')
    await userEvent.click(within(form).getByRole('button', { name: 'Add category' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent('A category named “Groceries” already exists.')
  })
})
