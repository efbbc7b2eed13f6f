import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { ToastProvider } from '../components/Toast'
import { authResult, fakeFetch, json, problem } from '../test/fakeFetch'
import { AuthProvider } from './AuthProvider'
import { ProfileProvider } from './ProfileProvider'
import { AppRoutes } from './routes'

function renderApp(route: string) {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <AuthProvider>
        <ProfileProvider>
          <ToastProvider>
            <AppRoutes />
          </ToastProvider>
        </ProfileProvider>
      </AuthProvider>
    </MemoryRouter>,
  )
}

afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

describe('signing in and out', () => {
  it('shows the landing page with Outlay’s name when there is no session', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({ 'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'), 'GET /api/v1/auth/providers': json([]) }).fetch,
    )
    renderApp('/')
    expect(await screen.findByRole('heading', { level: 1, name: /Outlay/ })).toBeInTheDocument()
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeInTheDocument()
  })

  it('sends a visitor of a private page to sign in', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({ 'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'), 'GET /api/v1/auth/providers': json([]) }).fetch,
    )
    renderApp('/budgets')
    expect(await screen.findByRole('heading', { name: 'Sign in to Outlay' })).toBeInTheDocument()
  })

  it('returns to the private page the visitor asked for after signing in', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
        'GET /api/v1/auth/providers': json([]),
        'POST /api/v1/auth/login': json(authResult('t1')),
        'GET /api/v1/me': json({ id: 'u1', currency: 'USD', timeZone: 'UTC' }),
        'GET /api/v1/budgets': json([]),
        'GET /api/v1/categories': json([]),
      }).fetch,
    )
    renderApp('/budgets')
    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Budgets' })).toBeInTheDocument()
  })

  it('restores the session from the refresh cookie on load', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': json(authResult('t1')),
        'GET /api/v1/me': json({ id: 'u1', currency: 'USD', timeZone: 'UTC' }),
        'GET /api/v1/budgets': json([]),
        'GET /api/v1/categories': json([]),
      }).fetch,
    )
    renderApp('/budgets')
    expect(await screen.findByRole('heading', { name: 'Budgets' })).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument()
  })

  it('goes to sign in with an explanation when the session ends mid-use', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': [json(authResult('t1')), problem(401, 'Unauthorized')],
        'GET /api/v1/me': json({ id: 'u1', currency: 'USD', timeZone: 'UTC' }),
        'GET /api/v1/budgets': problem(401, 'Unauthorized'),
        'GET /api/v1/categories': json([]),
        'GET /api/v1/auth/providers': json([]),
      }).fetch,
    )
    renderApp('/budgets')
    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Sign in to Outlay' })).toBeInTheDocument()
  })

  it('signs out through the server and forgets the token', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/refresh': json({ ...authResult('t1'), user: { ...authResult('t1').user, role: 'admin' } }),
      'GET /api/v1/me': json({ id: 'u1', currency: 'USD', timeZone: 'UTC' }),
      'GET /api/v1/budgets': json([]),
      'GET /api/v1/categories': json([]),
      'POST /api/v1/auth/logout': new Response(null, { status: 204 }),
      'GET /api/v1/auth/providers': json([]),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderApp('/budgets')
    expect(await screen.findByRole('link', { name: 'Admin' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }))

    expect(await screen.findByRole('heading', { name: 'Sign in to Outlay' })).toBeInTheDocument()
    expect(fake.callsTo('POST /api/v1/auth/logout')[0].credentials).toBe('same-origin')
    await waitFor(() => expect(api.isSignedIn).toBe(false))
  })
})
