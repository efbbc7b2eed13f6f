import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { SecurityActivity } from './SecurityActivity'

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

const event = (id: string, kind: string, extra: object = {}) => ({
  id,
  kind,
  occurredAt: '2026-11-20T12:00:00Z',
  clientAddress: null,
  userAgent: null,
  detail: null,
  ...extra,
})

describe('SecurityActivity', () => {
  it('lists sign-ins and failures in words, with the device, and loads older activity on request', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/refresh': json(authResult('t1')),
      'GET /api/v1/me/security-events': [
        json({
          items: [
            event('3', 'lockedOut'),
            event('2', 'signedIn', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', clientAddress: '203.0.113.7' }),
          ],
          nextCursor: 'c1',
        }),
        json({ items: [event('1', 'roleChanged', { detail: 'role: admin, by an admin' })], nextCursor: null }),
      ],
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<SecurityActivity />)

    expect(await screen.findByText('Sign-in locked after repeated wrong passwords')).toBeInTheDocument()
    expect(screen.getByText(/Firefox on Linux from 203\.0\.113\.7/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Show older activity' }))

    expect(await screen.findByText(/role: admin, by an admin/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Show older activity' })).not.toBeInTheDocument()
    expect(fake.callsTo('GET /api/v1/me/security-events')[1].url).toContain('cursor=c1')
  })
})
