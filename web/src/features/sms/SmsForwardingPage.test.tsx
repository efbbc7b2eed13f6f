import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Link, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json, problem, type Call } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import SmsForwardingPage from './SmsForwardingPage'
import type { ParsedSms, SmsMessage, SmsSettings, SmsToken } from './smsApi'

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

const off: SmsSettings = { enabled: false, consentedAt: null, keepMessageBodies: true, deletesBodiesOnDisable: true }
const on: SmsSettings = { enabled: true, consentedAt: '2026-11-14T09:00:00+00:00', keepMessageBodies: true, deletesBodiesOnDisable: true }
const pixel: SmsToken = { id: 'k1', name: 'Pixel 9', createdAt: '2026-11-14T09:01:00+00:00', lastUsedAt: null }
const secret = 'osms_5mC1qWm1cT0kENthatIsFortyThreeCharsLong123'

const routes = {
  'POST /api/v1/auth/refresh': json(authResult('t1')),
  'GET /api/v1/me': json({ id: 'u1', currency: 'USD' }),
  'GET /api/v1/me/sms-settings': json(off),
  'GET /api/v1/sms/tokens': json([] as SmsToken[]),
  'GET /api/v1/sms/messages': json({ items: [] as SmsMessage[], nextCursor: null }),
}

const bodyOf = (call: Call): unknown => JSON.parse(call.body ?? 'null')

/** The page at /settings/sms, and a settings page that links back to it, to leave and come back. */
function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="settings/sms" element={<SmsForwardingPage />} />
      <Route path="settings" element={<Link to="/settings/sms">Set up SMS forwarding</Link>} />
    </Routes>,
    { route: '/settings/sms' },
  )
}

function region(name: string) {
  return screen.getByRole('region', { name })
}

describe('SmsForwardingPage consent', () => {
  it('explains what is read and stored, and turns forwarding on only when asked', async () => {
    const fake = fakeFetch({ ...routes, 'PUT /api/v1/me/sms-settings': json({ ...on, keepMessageBodies: false }) })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    const forwarding = await screen.findByRole('form', { name: 'Turn on SMS forwarding' })
    expect(within(region('Forwarding')).getByRole('status')).toHaveTextContent('SMS forwarding is off.')
    expect(forwarding).toHaveTextContent('deletes the message texts stored so far')
    expect(within(region('Ingest tokens')).getByText(/messages posted with a token are refused/)).toBeInTheDocument()
    const keep = within(forwarding).getByRole('checkbox', { name: 'Keep the text of transaction messages, encrypted' })
    expect(keep).toBeChecked()
    expect(fake.callsTo('PUT /api/v1/me/sms-settings')).toHaveLength(0)

    await userEvent.click(keep)
    await userEvent.click(within(forwarding).getByRole('button', { name: 'Turn on SMS forwarding' }))

    expect(await within(region('Forwarding')).findByText(/since/)).toHaveTextContent('SMS forwarding is on since')
    expect(bodyOf(fake.callsTo('PUT /api/v1/me/sms-settings')[0])).toEqual({ enabled: true, keepMessageBodies: false })
    expect(screen.getByText(/Message texts are not kept/)).toBeInTheDocument()
    expect(screen.queryByText(/messages posted with a token are refused/)).not.toBeInTheDocument()
  })

  it('asks before turning forwarding off, and says what that deletes', async () => {
    const fake = fakeFetch({ ...routes, 'GET /api/v1/me/sms-settings': json(on), 'PUT /api/v1/me/sms-settings': json(off) })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    await userEvent.click(await screen.findByRole('button', { name: 'Turn off SMS forwarding' }))
    const confirm = screen.getByRole('form', { name: 'Turn off SMS forwarding' })
    expect(confirm).toHaveTextContent('refuses the next message at once and deletes the message texts')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(fake.callsTo('PUT /api/v1/me/sms-settings')).toHaveLength(0)
    expect(within(region('Forwarding')).getByRole('status')).toHaveTextContent('SMS forwarding is on since')

    await userEvent.click(screen.getByRole('button', { name: 'Turn off SMS forwarding' }))
    await userEvent.click(within(screen.getByRole('form', { name: 'Turn off SMS forwarding' })).getByRole('button', { name: 'Turn off' }))

    expect(await screen.findByRole('form', { name: 'Turn on SMS forwarding' })).toBeInTheDocument()
    expect(within(region('Forwarding')).getByRole('status')).toHaveTextContent('SMS forwarding is off.')
    expect(bodyOf(fake.callsTo('PUT /api/v1/me/sms-settings')[0])).toEqual({ enabled: false })
  })

  it('does not promise to delete the texts when the server keeps them', async () => {
    const keeps = { ...on, deletesBodiesOnDisable: false }
    vi.stubGlobal(
      'fetch',
      fakeFetch({ ...routes, 'GET /api/v1/me/sms-settings': json(keeps), 'PUT /api/v1/me/sms-settings': json({ ...keeps, enabled: false }) }).fetch,
    )
    renderPage()

    await userEvent.click(await screen.findByRole('button', { name: 'Turn off SMS forwarding' }))
    const confirm = screen.getByRole('form', { name: 'Turn off SMS forwarding' })
    expect(confirm).toHaveTextContent('refuses the next message at once. This server keeps the message texts stored so far')
    expect(confirm).not.toHaveTextContent('deletes the message texts')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Turn off' }))

    const form = await screen.findByRole('form', { name: 'Turn on SMS forwarding' })
    expect(form).toHaveTextContent('This server keeps the message texts stored so far when you do')
    expect(form).not.toHaveTextContent('deletes the message texts')
  })

  it('shows a refused change as a problem and keeps the state it had', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({ ...routes, 'PUT /api/v1/me/sms-settings': problem(500, 'An unexpected error occurred.') }).fetch,
    )
    renderPage()

    await userEvent.click(await screen.findByRole('button', { name: 'Turn on SMS forwarding' }))

    const alert = await within(region('Forwarding')).findByRole('alert')
    expect(alert).toHaveTextContent('An unexpected error occurred.')
    expect(alert).toHaveTextContent('Reference: 00-abc')
    expect(within(region('Forwarding')).getByRole('status')).toHaveTextContent('SMS forwarding is off.')
  })

  it('shows settings that cannot be loaded as a problem', async () => {
    vi.stubGlobal('fetch', fakeFetch({ ...routes, 'GET /api/v1/me/sms-settings': problem(503, 'Service unavailable') }).fetch)
    renderPage()

    expect(await within(region('Forwarding')).findByRole('alert')).toHaveTextContent('Service unavailable')
    expect(screen.queryByRole('form', { name: 'Turn on SMS forwarding' })).not.toBeInTheDocument()
  })
})

describe('SmsForwardingPage tokens', () => {
  it('shows a new token once, with both ways to use it, and not after leaving the page', async () => {
    const user = userEvent.setup()
    const fake = fakeFetch({
      ...routes,
      'GET /api/v1/sms/tokens': [json([]), json([pixel])],
      'POST /api/v1/sms/tokens': json({ id: 'k1', token: secret, name: 'Pixel 9', createdAt: pixel.createdAt }, 201),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    const tokens = region('Ingest tokens')
    expect(await within(tokens).findByText('You have no ingest tokens yet.')).toBeInTheDocument()
    await user.type(within(tokens).getByLabelText('Token name'), 'Pixel 9')
    await user.click(within(tokens).getByRole('button', { name: 'Create token' }))

    const panel = await screen.findByRole('region', { name: 'New token “Pixel 9”' })
    expect(bodyOf(fake.callsTo('POST /api/v1/sms/tokens')[0])).toEqual({ name: 'Pixel 9' })
    expect(panel).toHaveTextContent('it is shown only this once')
    const origin = window.location.origin
    expect(within(panel).getByLabelText('Token')).toHaveValue(secret)
    expect(within(panel).getByLabelText('Address')).toHaveValue(`${origin}/api/v1/sms`)
    expect(within(panel).getByLabelText('Authorization header')).toHaveValue(`Bearer ${secret}`)
    expect(within(panel).getByLabelText('Address with the token')).toHaveValue(`${origin}/api/v1/sms/ingest/${secret}`)
    expect(within(tokens).getByRole('row', { name: /Pixel 9/ })).toHaveTextContent('Never')

    await user.click(within(panel).getByRole('button', { name: 'Copy token' }))
    expect(within(panel).getByRole('status')).toHaveTextContent('Token copied.')
    expect(await navigator.clipboard.readText()).toBe(secret)
    await user.click(within(panel).getByRole('button', { name: 'Copy address with the token' }))
    expect(await navigator.clipboard.readText()).toBe(`${origin}/api/v1/sms/ingest/${secret}`)

    await user.click(screen.getByRole('link', { name: 'Back to settings' }))
    await user.click(await screen.findByRole('link', { name: 'Set up SMS forwarding' }))

    expect(await within(region('Ingest tokens')).findByRole('row', { name: /Pixel 9/ })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: /New token/ })).not.toBeInTheDocument()
    expect(screen.queryByDisplayValue(new RegExp(secret))).not.toBeInTheDocument()
    expect(screen.queryByText(new RegExp(secret))).not.toBeInTheDocument()
  })

  it('hides the new token when the person says they have saved it', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...routes,
        'POST /api/v1/sms/tokens': json({ id: 'k2', token: secret, name: null, createdAt: pixel.createdAt }, 201),
      }).fetch,
    )
    renderPage()

    await userEvent.click(await within(region('Ingest tokens')).findByRole('button', { name: 'Create token' }))
    const panel = await screen.findByRole('region', { name: 'New token “Unnamed token”' })
    await userEvent.click(within(panel).getByRole('button', { name: 'Done, I have saved it' }))

    expect(screen.queryByDisplayValue(secret)).not.toBeInTheDocument()
    expect(within(region('Ingest tokens')).getByRole('row', { name: /Unnamed token/ })).toBeInTheDocument()
  })

  it('revokes a token after confirmation', async () => {
    const fake = fakeFetch({
      ...routes,
      'GET /api/v1/sms/tokens': json([pixel, { ...pixel, id: 'k2', name: 'Old phone', lastUsedAt: '2026-11-15T10:00:00Z' }]),
      'DELETE /api/v1/sms/tokens/k2': new Response(null, { status: 204 }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Old phone' }))
    const confirm = screen.getByRole('form', { name: 'Revoke Old phone' })
    expect(confirm).toHaveTextContent('can no longer post messages')
    expect(fake.callsTo('DELETE /api/v1/sms/tokens/k2')).toHaveLength(0)
    await userEvent.click(within(confirm).getByRole('button', { name: 'Revoke token' }))

    expect(await screen.findByText('Revoked “Old phone”. Messages sent with it are now refused.')).toBeInTheDocument()
    expect(fake.callsTo('DELETE /api/v1/sms/tokens/k2')).toHaveLength(1)
    expect(screen.queryByRole('row', { name: /Old phone/ })).not.toBeInTheDocument()
    expect(screen.getByRole('row', { name: /Pixel 9/ })).toBeInTheDocument()
  })

  it('shows the limit on tokens as a problem', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...routes,
        'POST /api/v1/sms/tokens': problem(409, 'Too many SMS tokens.', { detail: 'Revoke one first: at most 20 per account.' }),
      }).fetch,
    )
    renderPage()

    await userEvent.click(await within(region('Ingest tokens')).findByRole('button', { name: 'Create token' }))

    const alert = await within(region('Ingest tokens')).findByRole('alert')
    expect(alert).toHaveTextContent('Too many SMS tokens.')
    expect(alert).toHaveTextContent('Revoke one first: at most 20 per account.')
    expect(screen.queryByRole('region', { name: /New token/ })).not.toBeInTheDocument()
  })
})

describe('SmsForwardingPage try a message', () => {
  const debit: ParsedSms = {
    isTransaction: true,
    direction: 'debit',
    amount: '1249.00',
    currency: 'INR',
    merchant: 'SWIGGY',
    accountTail: '4821',
    date: '2026-11-14',
    balance: '48751.00',
    reference: '610482937551',
    ignoredReason: null,
  }
  const text = 'Rs.1,249.00 spent on your Kestrel Bank Credit Card XX4821 at SWIGGY on 14-11-2026. Ref 610482937551.'

  it('shows what would be extracted from a bank debit, saving nothing', async () => {
    const fake = fakeFetch({ ...routes, 'POST /api/v1/sms/parse': json({ parsed: debit }) })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    const tryIt = await screen.findByRole('region', { name: 'Try a message' })
    await userEvent.type(within(tryIt).getByLabelText('Sender (optional)'), 'VM-KESTRL')
    await userEvent.type(within(tryIt).getByLabelText('Message'), text)
    await userEvent.click(within(tryIt).getByRole('button', { name: 'Check message' }))

    expect(await within(tryIt).findByText(/Would be recorded as an expense of ₹1,249.00 at SWIGGY/)).toBeInTheDocument()
    expect(within(tryIt).getByRole('status')).toHaveTextContent('Nothing was saved.')
    const read = within(tryIt).getByRole('region', { name: 'What Outlay read' })
    expect(read).toHaveTextContent('Account ending4821')
    expect(read).toHaveTextContent('Reference610482937551')
    expect(read).toHaveTextContent('Nov 14, 2026')
    expect(read).toHaveTextContent('Money out (debit)')
    expect(bodyOf(fake.callsTo('POST /api/v1/sms/parse')[0])).toEqual({ sender: 'VM-KESTRL', body: text })
    expect(fake.calls.filter((c) => c.method !== 'GET' && !c.url.endsWith('/parse') && !c.url.endsWith('/refresh'))).toHaveLength(0)
  })

  it('says why a message would be ignored', async () => {
    const otp: ParsedSms = {
      isTransaction: false,
      direction: null,
      amount: null,
      currency: null,
      merchant: null,
      accountTail: null,
      date: null,
      balance: null,
      reference: null,
      ignoredReason: 'otp',
    }
    vi.stubGlobal('fetch', fakeFetch({ ...routes, 'POST /api/v1/sms/parse': json({ parsed: otp }) }).fetch)
    renderPage()

    const tryIt = await screen.findByRole('region', { name: 'Try a message' })
    await userEvent.type(within(tryIt).getByLabelText('Message'), '482913 is your OTP. Do not share it.')
    await userEvent.click(within(tryIt).getByRole('button', { name: 'Check message' }))

    expect(await within(tryIt).findByRole('status')).toHaveTextContent('Would be ignored. Not a transaction: a one-time password. Nothing was saved.')
    expect(screen.queryByRole('region', { name: 'What Outlay read' })).not.toBeInTheDocument()
  })

  it('shows the server’s objection to a message next to its field', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...routes,
        'POST /api/v1/sms/parse': problem(400, 'One or more validation errors occurred.', {
          errors: { sender: ['At most 64 characters.'] },
        }),
      }).fetch,
    )
    renderPage()

    const tryIt = await screen.findByRole('region', { name: 'Try a message' })
    await userEvent.type(within(tryIt).getByLabelText('Sender (optional)'), 'VM-KESTRL')
    await userEvent.type(within(tryIt).getByLabelText('Message'), text)
    await userEvent.click(within(tryIt).getByRole('button', { name: 'Check message' }))

    expect(await within(tryIt).findByText('At most 64 characters.')).toBeInTheDocument()
    expect(within(tryIt).getByLabelText('Sender (optional)')).toHaveAttribute('aria-invalid', 'true')
    expect(within(tryIt).getByRole('alert')).toHaveTextContent('One or more validation errors occurred.')
  })

  it('asks for a message before calling the server', async () => {
    const fake = fakeFetch(routes)
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    const tryIt = await screen.findByRole('region', { name: 'Try a message' })
    await userEvent.click(within(tryIt).getByRole('button', { name: 'Check message' }))

    expect(within(tryIt).getByText('Enter the text of an SMS.')).toBeInTheDocument()
    expect(fake.callsTo('POST /api/v1/sms/parse')).toHaveLength(0)
  })
})

describe('SmsForwardingPage recent messages', () => {
  const created: SmsMessage = {
    id: 'm3',
    sender: 'VM-KESTRL',
    receivedAt: '2026-11-15T12:00:00Z',
    status: 'created',
    reason: null,
    expenseId: 'e1',
    body: 'Rs.1,249.00 spent on your Kestrel Bank Credit Card XX4821 at SWIGGY.',
  }
  const duplicate: SmsMessage = { ...created, id: 'm2', sender: 'PAYAPP', receivedAt: '2026-11-15T11:00:00Z', status: 'duplicate', body: null }
  const otp: SmsMessage = {
    id: 'm1',
    sender: 'VM-KESTRL',
    receivedAt: '2026-11-15T10:00:00Z',
    status: 'ignored',
    reason: 'otp',
    expenseId: null,
    body: null,
  }

  it('lists what became of each message, newest first, and pages to older ones', async () => {
    const fake = fakeFetch({
      ...routes,
      'GET /api/v1/me/sms-settings': json(on),
      'GET /api/v1/sms/messages': (call) =>
        call.url.includes('cursor=c1') ? json({ items: [otp], nextCursor: null }) : json({ items: [created, duplicate], nextCursor: 'c1' }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderPage()

    const recent = region('Recent messages')
    const list = await within(recent).findByRole('list', { name: 'Messages received' })
    let items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent('Recorded From VM-KESTRL')
    expect(items[0]).toHaveTextContent('Recorded as an expense.')
    expect(items[0]).toHaveTextContent('at SWIGGY.')
    expect(within(items[0]).getByRole('link', { name: 'See it in Expenses' })).toHaveAttribute('href', '/expenses/e1')
    expect(items[1]).toHaveTextContent('Duplicate From PAYAPP')
    expect(items[1]).toHaveTextContent('Already recorded from another message')
    expect(items[1]).not.toHaveTextContent('SWIGGY')

    await userEvent.click(within(recent).getByRole('button', { name: 'Show older messages' }))

    expect(await within(list).findByText(/Not recorded: a one-time password\./)).toBeInTheDocument()
    items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(items[2]).toHaveTextContent('Ignored')
    expect(within(items[2]).queryByRole('link')).not.toBeInTheDocument()
    expect(within(recent).queryByRole('button', { name: 'Show older messages' })).not.toBeInTheDocument()
    expect(fake.callsTo('GET /api/v1/sms/messages').map((c) => c.url)).toEqual([
      '/api/v1/sms/messages?limit=20',
      '/api/v1/sms/messages?cursor=c1&limit=20',
    ])
  })

  it('loads the messages again once their texts are deleted', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...routes,
        'GET /api/v1/me/sms-settings': json(on),
        'PUT /api/v1/me/sms-settings': json({ ...on, keepMessageBodies: false }),
        'GET /api/v1/sms/messages': [json({ items: [created], nextCursor: null }), json({ items: [{ ...created, body: null }], nextCursor: null })],
      }).fetch,
    )
    renderPage()

    const recent = region('Recent messages')
    expect(await within(recent).findByText(/at SWIGGY/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Stop keeping message texts' }))
    await userEvent.click(within(screen.getByRole('form', { name: 'Stop keeping message texts' })).getByRole('button', { name: 'Stop keeping texts' }))

    expect(await screen.findByText(/Message texts are not kept/)).toBeInTheDocument()
    expect(await within(recent).findByText('Recorded as an expense.', { exact: false })).toBeInTheDocument()
    expect(within(recent).queryByText(/at SWIGGY/)).not.toBeInTheDocument()
  })

  it('says when nothing has arrived yet', async () => {
    vi.stubGlobal('fetch', fakeFetch({ ...routes, 'GET /api/v1/me/sms-settings': json(on) }).fetch)
    renderPage()

    expect(await within(region('Recent messages')).findByText('No messages have arrived yet.')).toBeInTheDocument()
  })
})
