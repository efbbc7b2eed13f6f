import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json, problem } from '../../test/fakeFetch'
import { renderWithApp } from '../../test/render'
import NotificationSettingsPage from './NotificationSettingsPage'

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

const feedOnly = { budgetThreshold: ['inApp'], budgetRisk: ['inApp'], unusualExpense: ['inApp'], dailyReminder: ['inApp'], upcomingPayment: ['inApp'], periodDigest: ['inApp'] }

function settings(overrides: Partial<{ smsPhone: string | null; smsEnabled: boolean; available: string[]; kinds: Record<string, string[]> }> = {}) {
  const smsPhone = overrides.smsPhone ?? null
  return {
    channels: {
      sms: { enabled: overrides.smsEnabled ?? false, phone: smsPhone, verified: smsPhone !== null },
      whatsapp: { enabled: false, phone: null, verified: false },
    },
    kinds: overrides.kinds ?? feedOnly,
    reminders: { daily: null },
    quietHours: null,
    available: overrides.available ?? ['inApp', 'sms'],
  }
}

const routes = {
  'POST /api/v1/auth/refresh': json(authResult('t1')),
  'GET /api/v1/me': json({ id: 'u1', currency: 'USD' }),
}

describe('NotificationSettingsPage', () => {
  it('turns the daily reminder on at the time the person picks', async () => {
    const fake = fakeFetch({
      ...routes,
      'GET /api/v1/me/notification-settings': json(settings()),
      'PUT /api/v1/me/notification-settings': json({ ...settings(), reminders: { daily: '08:30' } }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<NotificationSettingsPage />)

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Remind me every day to log my spending' }))
    const time = screen.getByLabelText('Reminder time (your time zone)')
    expect(time).toHaveValue('20:00')
    fireEvent.change(time, { target: { value: '08:30' } })
    await userEvent.click(screen.getByRole('button', { name: 'Save notification settings' }))

    expect(await screen.findByText('Notification settings saved.')).toBeInTheDocument()
    expect(JSON.parse(fake.callsTo('PUT /api/v1/me/notification-settings')[0].body!).reminders).toEqual({ daily: '08:30' })
  })

  it('says alerts stay in the app when the server has no SMS or WhatsApp provider', async () => {
    vi.stubGlobal('fetch', fakeFetch({ ...routes, 'GET /api/v1/me/notification-settings': json(settings({ available: ['inApp'] })) }).fetch)
    renderWithApp(<NotificationSettingsPage />)

    expect(await screen.findByText('This server has no SMS provider set up, so alerts stay in the app.')).toBeInTheDocument()
    expect(screen.getByText('This server has no WhatsApp provider set up, so alerts stay in the app.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('verifies a number with the code it was sent, then turns SMS on for budget alerts', async () => {
    const fake = fakeFetch({
      ...routes,
      'GET /api/v1/me/notification-settings': json(settings()),
      'POST /api/v1/me/notification-settings/verification': new Response(null, { status: 202 }),
      'POST /api/v1/me/notification-settings/verification/confirm': [
        problem(400, 'Bad Request', { errors: { code: ['That is not the code we sent.'] } }),
        json(settings({ smsPhone: '+14155552671' })),
      ],
      'PUT /api/v1/me/notification-settings': json(settings({ smsPhone: '+14155552671', smsEnabled: true, kinds: { ...feedOnly, budgetThreshold: ['inApp', 'sms'] } })),
    })
    vi.stubGlobal('fetch', fake.fetch)
    renderWithApp(<NotificationSettingsPage />)

    const verify = await screen.findByRole('form', { name: 'Verify a number for SMS' })
    await userEvent.type(within(verify).getByLabelText('Phone number'), '+1 415 555 2671')
    await userEvent.click(within(verify).getByRole('button', { name: 'Send code' }))
    const confirm = await screen.findByRole('form', { name: 'Confirm the SMS code' })
    await userEvent.type(within(confirm).getByLabelText('Code'), '000000')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Confirm' }))
    expect(await within(confirm).findByText('That is not the code we sent.')).toBeInTheDocument()
    await userEvent.clear(within(confirm).getByLabelText('Code'))
    await userEvent.type(within(confirm).getByLabelText('Code'), '482913')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Confirm' }))

    expect(await screen.findByText('+14155552671')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Send alerts by SMS' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'A budget passes one of its alert thresholds by SMS' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save notification settings' }))

    expect(await screen.findByText('Notification settings saved.')).toBeInTheDocument()
    expect(JSON.parse(fake.callsTo('POST /api/v1/me/notification-settings/verification')[0].body!)).toEqual({ channel: 'sms', phone: '+1 415 555 2671' })
    const saved = JSON.parse(fake.callsTo('PUT /api/v1/me/notification-settings')[0].body!)
    expect(saved.channels.sms.enabled).toBe(true)
    expect(saved.kinds.budgetThreshold).toEqual(['inApp', 'sms'])
  })
})
