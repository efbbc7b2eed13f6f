import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { fakeFetch, json, problem } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { SignUpPage } from './SignUpPage'

afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

function stub(extra: Record<string, Response> = {}) {
  const fake = fakeFetch({
    'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
    'GET /api/v1/auth/providers': json([]),
    ...extra,
  })
  vi.stubGlobal('fetch', fake.fetch)
  return fake
}

describe('SignUpPage', () => {
  it('rates a common password as very weak and a passphrase as strong', async () => {
    stub()
    renderWithApp(<SignUpPage />, { route: '/sign-up' })
    const password = await screen.findByLabelText('Password')

    await userEvent.type(password, 'password')
    expect(await screen.findByText('Very weak', {}, { timeout: 4000 })).toBeInTheDocument()
    expect(screen.getByRole('meter', { name: /Password strength/ })).toHaveValue(0)

    await userEvent.clear(password)
    await userEvent.type(password, 'violet-otter-harbour-42')
    expect(await screen.findByText('Very strong', {}, { timeout: 4000 })).toBeInTheDocument()
  })

  it('refuses a too-short password before calling the server', async () => {
    const fake = stub()
    renderWithApp(<SignUpPage />, { route: '/sign-up' })

    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'short')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))

    expect(screen.getByText('Use at least 8 characters.')).toBeInTheDocument()
    expect(fake.callsTo('POST /api/v1/auth/signup')).toHaveLength(0)
  })

  it('shows that the email is taken', async () => {
    stub({ 'POST /api/v1/auth/signup': problem(409, 'Conflict', { detail: 'An account with this email already exists.' }) })
    renderWithApp(<SignUpPage />, { route: '/sign-up' })

    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'violet-otter-harbour-42')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this email already exists.')
  })
})
