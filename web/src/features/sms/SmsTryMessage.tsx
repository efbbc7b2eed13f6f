import { useState, type FormEvent } from 'react'
import { formatDay } from '../../api/dates'
import { ApiError } from '../../api/errors'
import { formatMoney } from '../../api/money'
import { useProfile } from '../../app/ProfileProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { describeIgnoredReason, maxBodyLength, maxSenderLength, parseSms, type ParsedSms } from './smsApi'

/** Shows what Outlay would read from a message, through the server's own parser; nothing is saved. */
export function SmsTryMessage() {
  const [sender, setSender] = useState('')
  const [body, setBody] = useState('')
  const [parsed, setParsed] = useState<ParsedSms | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!body.trim()) {
      setParsed(null)
      setError(new ApiError({ status: 400, title: 'Paste a message first.', fieldErrors: { body: ['Enter the text of an SMS.'] } }))
      return
    }
    setBusy(true)
    setError(null)
    try {
      setParsed(await parseSms({ sender, body }))
    } catch (e) {
      setParsed(null)
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const fieldErrors = (f: string) => (error instanceof ApiError ? error.errorsFor(f) : [])
  return (
    <div className="stack">
      <p>Paste an SMS from your bank to see what Outlay would make of it. Nothing is saved.</p>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorNotice error={error} shownFields={['sender', 'body']} />
        <Field label="Sender (optional)" hint="The name the SMS came from, e.g. VM-KESTRL." errors={fieldErrors('sender')}>
          {(c) => <input {...c} maxLength={maxSenderLength} value={sender} onChange={(e) => setSender(e.target.value)} />}
        </Field>
        <Field label="Message" errors={fieldErrors('body')}>
          {(c) => <textarea {...c} rows={4} maxLength={maxBodyLength} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Check message'}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {parsed && <Verdict parsed={parsed} />}
      </div>
      {parsed?.isTransaction && <ParsedFacts parsed={parsed} />}
    </div>
  )
}

function Verdict({ parsed }: { parsed: ParsedSms }) {
  const { currency } = useProfile()
  if (parsed.isTransaction && parsed.direction === 'debit' && parsed.amount) {
    const money = formatMoney(parsed.amount, parsed.currency ?? currency)
    return (
      <p className="notice">
        <strong>
          Would be recorded as an expense of {money}
          {parsed.merchant ? ` at ${parsed.merchant}` : ''}.
        </strong>{' '}
        Nothing was saved.
      </p>
    )
  }
  const why = parsed.isTransaction
    ? `A transaction, but ${describeIgnoredReason(parsed.direction === 'credit' ? 'credit' : parsed.ignoredReason)}`
    : `Not a transaction: ${describeIgnoredReason(parsed.ignoredReason)}`
  return (
    <p className="notice">
      <strong>Would be ignored.</strong> {why}. Nothing was saved.
    </p>
  )
}

function ParsedFacts({ parsed }: { parsed: ParsedSms }) {
  const { currency } = useProfile()
  const money = (amount: string | null) => (amount ? formatMoney(amount, parsed.currency ?? currency) : '—')
  return (
    <section aria-labelledby="sms-read-title">
      <h3 id="sms-read-title">What Outlay read</h3>
      <dl className="facts">
        <dt>Direction</dt>
        <dd>{parsed.direction === 'debit' ? 'Money out (debit)' : parsed.direction === 'credit' ? 'Money in (credit)' : '—'}</dd>
        <dt>Amount</dt>
        <dd>{money(parsed.amount)}</dd>
        <dt>Currency</dt>
        <dd>{parsed.currency ?? `Not in the message: your currency (${currency}) would be used`}</dd>
        <dt>Merchant</dt>
        <dd>{parsed.merchant ?? '—'}</dd>
        <dt>Account ending</dt>
        <dd>{parsed.accountTail ?? '—'}</dd>
        <dt>Date</dt>
        <dd>{parsed.date ? formatDay(parsed.date) : 'Not in the message: the day it arrives would be used'}</dd>
        <dt>Balance</dt>
        <dd>{money(parsed.balance)}</dd>
        <dt>Reference</dt>
        <dd>{parsed.reference ?? '—'}</dd>
      </dl>
    </section>
  )
}
