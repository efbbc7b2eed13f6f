import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { formatDateTime } from '../../api/dates'
import { ErrorNotice } from '../../components/ErrorNotice'
import { updateSmsSettings, type SmsSettings } from './smsApi'

type Confirming = 'turn-off' | 'stop-keeping' | null

/** Whether Outlay may read forwarded SMS. Turning it on is an explained, explicit choice; turning it off is confirmed. */
export function SmsConsent({ settings, onChange }: { settings: SmsSettings; onChange: (settings: SmsSettings) => void }) {
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function save(update: { enabled: boolean; keepMessageBodies?: boolean }) {
    setBusy(true)
    setError(null)
    try {
      onChange(await updateSmsSettings(update))
      setConfirming(null)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="stack">
      <p role="status">
        {settings.enabled ? (
          <>
            SMS forwarding is <strong>on</strong>
            {settings.consentedAt ? ` since ${formatDateTime(settings.consentedAt)}` : ''}.
          </>
        ) : (
          <>
            SMS forwarding is <strong>off</strong>. Outlay refuses any message posted to it.
          </>
        )}
      </p>
      <ErrorNotice error={error} />
      {!settings.enabled && <TurnOnForm settings={settings} busy={busy} onSubmit={(keep) => save({ enabled: true, keepMessageBodies: keep })} />}
      {settings.enabled && (
        <>
          <p>
            {settings.keepMessageBodies
              ? 'The texts of transaction messages are kept, encrypted on this server. Other messages’ texts are never kept.'
              : 'Message texts are not kept: only what Outlay read from them (amount, merchant, date…).'}
          </p>
          {confirming === 'turn-off' && (
            <ConfirmForm
              label="Turn off SMS forwarding"
              busy={busy}
              busyLabel="Turning off…"
              confirmLabel="Turn off"
              onConfirm={() => save({ enabled: false })}
              onCancel={() => setConfirming(null)}
            >
              <strong>Turn off SMS forwarding?</strong> Outlay refuses the next message at once
              {settings.deletesBodiesOnDisable
                ? ' and deletes the message texts it has stored.'
                : settings.keepMessageBodies
                  ? '. This server keeps the message texts stored so far; to delete them, stop keeping message texts first.'
                  : '.'}{' '}
              The expenses already created stay, and so do your tokens, so you can turn it on again later without changing
              your phone.
            </ConfirmForm>
          )}
          {confirming === 'stop-keeping' && (
            <ConfirmForm
              label="Stop keeping message texts"
              busy={busy}
              busyLabel="Saving…"
              confirmLabel="Stop keeping texts"
              onConfirm={() => save({ enabled: true, keepMessageBodies: false })}
              onCancel={() => setConfirming(null)}
            >
              <strong>Stop keeping message texts?</strong> The texts stored so far are deleted now, and new ones are not
              kept. Outlay keeps only what it read from them.
            </ConfirmForm>
          )}
          {confirming === null && (
            <div className="row">
              <button type="button" className="button-secondary" onClick={() => setConfirming('turn-off')}>
                Turn off SMS forwarding
              </button>
              {settings.keepMessageBodies ? (
                <button type="button" className="button-secondary" onClick={() => setConfirming('stop-keeping')}>
                  Stop keeping message texts
                </button>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy}
                  onClick={() => save({ enabled: true, keepMessageBodies: true })}
                >
                  Keep message texts (encrypted)
                </button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  )
}

function TurnOnForm({ settings, busy, onSubmit }: { settings: SmsSettings; busy: boolean; onSubmit: (keepBodies: boolean) => void }) {
  const [keep, setKeep] = useState(settings.keepMessageBodies)
  const hintId = useId()

  function submit(event: FormEvent) {
    event.preventDefault()
    onSubmit(keep)
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Turn on SMS forwarding">
      <p>Before you turn it on, here is what happens:</p>
      <ul>
        <li>
          A forwarder app on your phone sends the SMS you choose to this Outlay server, which reads them itself: no one
          else sees them. Set the app to forward only your bank’s messages.
        </li>
        <li>
          Outlay reads the amount, currency, merchant, date, the last digits of the account, the balance and the bank’s
          reference, and records each payment as an expense. Credits, one-time passwords, promotions, reminders and
          declined payments are ignored.
        </li>
        <li>
          For every message it keeps who sent it, when it arrived, what it decided and a fingerprint to recognise a repeat.
          Message texts, tokens and phone numbers never go into the server’s logs.
        </li>
        <li>
          {settings.deletesBodiesOnDisable
            ? 'You can turn it off at any time: that stops it at once and deletes the message texts stored so far.'
            : 'You can turn it off at any time: that stops it at once. This server keeps the message texts stored so far when you do; stop keeping message texts to delete them.'}{' '}
          The expenses already created stay.
        </li>
      </ul>
      <div className="stack-tight">
        <label className="check">
          <input type="checkbox" checked={keep} aria-describedby={hintId} onChange={(e) => setKeep(e.target.checked)} />
          Keep the text of transaction messages, encrypted
        </label>
        <p id={hintId} className="field-hint">
          Handy for checking what a bank wrote. The texts of other messages are never kept. Without this, Outlay keeps
          only what it read from each message.
        </p>
      </div>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Turning on…' : 'Turn on SMS forwarding'}
        </button>
      </div>
    </form>
  )
}

function ConfirmForm({
  label,
  busy,
  busyLabel,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  label: string
  busy: boolean
  busyLabel: string
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  children: ReactNode
}) {
  function submit(event: FormEvent) {
    event.preventDefault()
    onConfirm()
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={label}>
      <p>{children}</p>
      <div className="row">
        <button type="submit" className="button-danger" disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
        {/* The button that opened this form is gone; the harmless choice takes the focus. */}
        <button type="button" className="button-secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </form>
  )
}
