import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json, problem } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import { SignInPage } from './SignInPage'

function SearchProbe() {
  return <output data-testid="search">{useLocation().search}</output>
}

function signedOut() {
  vi.stubGlobal(
    'fetch',
    fakeFetch({
      'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
      'GET /api/v1/auth/providers': json([{ name: 'google', displayName: 'Google' }]),
    }).fetch,
  )
}

afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

describe('SignInPage', () => {
  it('shows the problem detail from the API in words', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
      'GET /api/v1/auth/providers': problem(404, 'Not Found'),
      'POST /api/v1/auth/login': problem(401, 'Sign-in failed', { detail: 'The email or password is incorrect.' }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<SignInPage />, { route: '/sign-in' })

    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Sign-in failed')
    expect(alert).toHaveTextContent('The email or password is incorrect.')
    expect(fake.callsTo('POST /api/v1/auth/login')[0].body).toBe(
      JSON.stringify({ email: 'ada@example.com', password: 'wrong password' }),
    )
  })

  it('explains a lock-out with its own message', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
        'GET /api/v1/auth/providers': json([]),
        'POST /api/v1/auth/login': new Response('', { status: 429, headers: { 'Retry-After': '60' } }),
      }).fetch,
    )
    renderWithApp(<SignInPage />, { route: '/sign-in' })

    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'whatever1')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts')
  })

  it('signs in and goes to the home page', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
        'GET /api/v1/auth/providers': json([]),
        'POST /api/v1/auth/login': json(authResult('t1')),
        'GET /api/v1/me': json({ id: 'u1', currency: 'EUR' }),
      }).fetch,
    )
    renderWithApp(<SignInPage />, { route: '/sign-in' })

    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/))
    expect(api.isSignedIn).toBe(true)
  })

  it('offers the external providers the server lists', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
        'GET /api/v1/auth/providers': json([{ name: 'google', displayName: 'Google' }]),
      }).fetch,
    )
    renderWithApp(<SignInPage />, { route: '/sign-in' })

    const link = await screen.findByRole('link', { name: 'Google' })
    expect(link).toHaveAttribute('href', '/api/v1/auth/external/google')
  })

  it.each([
    ['account-disabled', 'This account is disabled.'],
    ['email-not-verified', 'Your provider did not confirm your email address.'],
    ['signups-closed', 'sign-ups are closed'],
    ['account-exists', 'Sign in with your password, then link this provider under Settings'],
    ['no-pending-sign-in', 'took too long'],
    ['concurrent-sign-in', 'Another sign-in finished at the same moment.'],
    ['provider-failed', 'Sign-in with your provider did not complete.'],
  ])('explains the external sign-in refusal %s, then takes the code out of the address', async (code, text) => {
    signedOut()
    renderWithApp(
      <>
        <SignInPage />
        <SearchProbe />
      </>,
      { route: `/sign-in?externalError=${code}` },
    )

    expect(await screen.findByRole('alert')).toHaveTextContent(text)
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent(/^$/))
    expect(screen.getByRole('alert')).toHaveTextContent(text)
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/sign-in$/)
  })

  it.each(['something-new', 'constructor'])('explains an unknown external sign-in code %s in general words', async (code) => {
    signedOut()
    renderWithApp(
      <>
        <SignInPage />
        <SearchProbe />
      </>,
      { route: `/sign-in?externalError=${code}&keep=1` },
    )

    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in with your provider did not work.')
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent(/^\?keep=1$/))
  })

  it('shows no external sign-in message without a code', async () => {
    signedOut()
    renderWithApp(<SignInPage />, { route: '/sign-in' })

    await screen.findByRole('link', { name: 'Google' })
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('hides the provider section when the list cannot be loaded', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
      'GET /api/v1/auth/providers': problem(404, 'Not Found'),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<SignInPage />, { route: '/sign-in' })

    await waitFor(() => expect(fake.callsTo('GET /api/v1/auth/providers')).toHaveLength(1))
    expect(screen.queryByText(/continue with/i)).not.toBeInTheDocument()
  })
})
