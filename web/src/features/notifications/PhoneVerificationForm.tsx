import { useState, type FormEvent } from 'react'
import { ApiError } from '../../api/errors'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { confirmPhoneVerification, startPhoneVerification, type NotificationSettings, type PhoneChannel } from './notificationsApi'

const channelNames: Record<PhoneChannel, string> = { sms: 'SMS', whatsapp: 'WhatsApp' }

/** Proves a phone number for one channel: the number gets a six-digit code, the person types it back. */
export function PhoneVerificationForm({ channel, onVerified }: { channel: PhoneChannel; onVerified: (settings: NotificationSettings) => void }) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [codeSent, setCodeSent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const name = channelNames[channel]
  const messages = (field: string) => (error instanceof ApiError ? error.errorsFor(field) : [])

  async function run(work: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const send = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await startPhoneVerification(channel, phone)
      setCodeSent(true)
    })
  }

  const confirm = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => onVerified(await confirmPhoneVerification(channel, code)))
  }

  return (
    <div className="stack">
      <form aria-label={`Verify a number for ${name}`} onSubmit={send} noValidate>
        <Field label="Phone number" hint="International form, with + and the country code: +14155552671." errors={messages('phone')}>
          {(c) => <input {...c} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy || phone.trim() === ''}>
          {codeSent ? 'Send a new code' : 'Send code'}
        </button>
      </form>
      {codeSent && (
        <form aria-label={`Confirm the ${name} code`} onSubmit={confirm} noValidate>
          <p role="status">We sent a six-digit code by {name} to {phone}.</p>
          <Field label="Code" errors={messages('code')}>
            {(c) => <input {...c} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy || code.trim() === ''}>
            Confirm
          </button>
        </form>
      )}
      <ErrorNotice error={error} shownFields={['phone', 'code']} />
    </div>
  )
}
