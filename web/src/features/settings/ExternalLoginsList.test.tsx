import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { ExternalLoginsList } from './ExternalLoginsList'

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

const routes = {
  'POST /api/v1/auth/refresh': json(authResult('t1')),
  'GET /api/v1/auth/providers': json([
    { name: 'google', displayName: 'Google' },
    { name: 'work', displayName: 'Work SSO' },
  ]),
  'GET /api/v1/me/external-logins': json([{ provider: 'google', displayName: 'Google', createdAt: '2026-01-02T03:04:05Z' }]),
}

describe('ExternalLoginsList', () => {
  it('offers to unlink the linked providers and to link the others', async () => {
    vi.stubGlobal('fetch', fakeFetch(routes).fetch)
    renderWithApp(<ExternalLoginsList />)

    expect(await screen.findByRole('button', { name: 'Unlink Google' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Link Work SSO' })).toBeInTheDocument()
  })

  it('unlinks a provider', async () => {
    const fake = fakeFetch({ ...routes, 'DELETE /api/v1/me/external-logins/google': new Response(null, { status: 204 }) })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<ExternalLoginsList />)

    await userEvent.click(await screen.findByRole('button', { name: 'Unlink Google' }))

    expect(await screen.findByRole('button', { name: 'Link Google' })).toBeInTheDocument()
    expect(fake.callsTo('DELETE /api/v1/me/external-logins/google')).toHaveLength(1)
  })

  it('explains why a link came back refused', async () => {
    vi.stubGlobal('fetch', fakeFetch(routes).fetch)
    renderWithApp(<ExternalLoginsList />, { route: '/settings?externalError=already-linked' })

    expect(await screen.findByRole('alert')).toHaveTextContent('already linked to another Outlay account')
  })

  it('shows nothing when the server offers no providers', async () => {
    const fake = fakeFetch({ ...routes, 'GET /api/v1/auth/providers': json([]) })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<ExternalLoginsList />)

    await vi.waitFor(() => expect(fake.callsTo('GET /api/v1/auth/providers')).toHaveLength(1))
    expect(screen.queryByRole('heading', { name: 'Sign-in providers' })).toBeNull()
  })
})
