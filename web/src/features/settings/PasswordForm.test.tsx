import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json, problem } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { PasswordForm } from './PasswordForm'

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

describe('PasswordForm', () => {
  it('shows a wrong current password next to that field', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': json(authResult('t1')),
        'GET /api/v1/me': json({ id: 'u1', currency: 'USD' }),
        'POST /api/v1/me/password': problem(400, 'One or more validation errors occurred.', {
          errors: { currentPassword: ['The current password is wrong.'] },
        }),
      }).fetch,
    )
    renderWithApp(<PasswordForm />)

    await userEvent.type(screen.getByLabelText('Current password'), 'old-password')
    await userEvent.type(screen.getByLabelText('New password'), 'a much better passphrase')
    await userEvent.type(screen.getByLabelText('Repeat new password'), 'a much better passphrase')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))

    expect(await screen.findByText('The current password is wrong.')).toBeInTheDocument()
    expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true')
  })

  it('catches a mistyped repeat before asking the server', async () => {
    const fake = fakeFetch({ 'POST /api/v1/auth/refresh': json(authResult('t1')), 'GET /api/v1/me': json({ id: 'u1' }) })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<PasswordForm />)

    await userEvent.type(screen.getByLabelText('Current password'), 'old-password')
    await userEvent.type(screen.getByLabelText('New password'), 'a much better passphrase')
    await userEvent.type(screen.getByLabelText('Repeat new password'), 'a much better passphrasE')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))

    expect(screen.getByText('The two new passwords differ.')).toBeInTheDocument()
    expect(fake.callsTo('POST /api/v1/me/password')).toHaveLength(0)
  })
})
