import { useState } from 'react'
import { Link } from 'react-router'
import { formatDateTime } from '../../api/dates'
import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { describeIgnoredReason, listSmsMessages, type SmsMessage, type SmsMessageStatus } from './smsApi'

const statusLabels: Record<SmsMessageStatus, string> = {
  created: 'Recorded',
  duplicate: 'Duplicate',
  ignored: 'Ignored',
}

/** What became of the messages the person's forwarders posted, newest first. */
export function SmsRecentMessages() {
  const first = useApi((signal) => listSmsMessages(null, signal), [])
  const [older, setOlder] = useState<SmsMessage[]>([])
  const [cursor, setCursor] = useState<string | null | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const messages = [...(first.data?.items ?? []), ...older]
  const next = cursor === undefined ? first.data?.nextCursor : cursor

  async function loadOlder() {
    if (!next) return
    setBusy(true)
    setError(null)
    try {
      const page = await listSmsMessages(next)
      setOlder((list) => [...list, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="stack">
      <ErrorNotice error={first.error} />
      {first.loading && <Loading label="Loading messages…" />}
      {first.data && messages.length === 0 && <p className="muted">No messages have arrived yet.</p>}
      {messages.length > 0 && (
        <ul className="stack" aria-label="Messages received">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ul>
      )}
      <ErrorNotice error={error} />
      {next && (
        <div>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void loadOlder()}>
            {busy ? 'Loading…' : 'Show older messages'}
          </button>
        </div>
      )}
    </div>
  )
}

function MessageItem({ message }: { message: SmsMessage }) {
  const from = message.sender ?? 'an unknown sender'
  return (
    <li className="stack-tight" aria-label={`From ${from}, ${formatDateTime(message.receivedAt)}`}>
      <p>
        <span className="tag">{statusLabels[message.status]}</span> From <strong>{from}</strong>,{' '}
        <span className="muted">{formatDateTime(message.receivedAt)}</span>
      </p>
      <p>
        <Outcome message={message} />
      </p>
      {message.body !== null && <blockquote className="small">{message.body}</blockquote>}
    </li>
  )
}

function Outcome({ message }: { message: SmsMessage }) {
  const expenses = message.expenseId ? (
    <Link to={`/expenses/${encodeURIComponent(message.expenseId)}`}>See it in Expenses</Link>
  ) : null
  switch (message.status) {
    case 'created':
      return message.expenseId ? <>Recorded as an expense. {expenses}</> : <>Recorded as an expense, since deleted for good.</>
    case 'duplicate':
      return message.expenseId ? (
        <>Already recorded from another message, so no second expense was made. {expenses}</>
      ) : (
        <>A repeat of a message already received; nothing new was recorded.</>
      )
    case 'ignored':
      return <>Not recorded: {describeIgnoredReason(message.reason)}.</>
  }
}
