import { useState, type FormEvent } from 'react'
import { formatDateTime } from '../../api/dates'
import { ApiError } from '../../api/errors'
import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import { NewTokenPanel } from './NewTokenPanel'
import {
  createSmsToken,
  listSmsTokens,
  maxTokenNameLength,
  revokeSmsToken,
  tokenLabel,
  type CreatedSmsToken,
  type SmsToken,
} from './smsApi'

/** `forwardingOn` is undefined while the settings are not known. */
export function SmsTokens({ forwardingOn }: { forwardingOn: boolean | undefined }) {
  const tokens = useApi((signal) => listSmsTokens(signal), [])
  const toast = useToast()
  const [created, setCreated] = useState<CreatedSmsToken | null>(null)
  const [revoking, setRevoking] = useState<string | null>(null)

  return (
    <div className="stack">
      <p>
        A forwarder app cannot sign in, so it uses an ingest token: it can only post SMS to Outlay, not read anything. Use
        one token per phone, so that you can revoke one phone without touching the others.
      </p>
      {forwardingOn === false && (
        <p className="muted">Forwarding is off: messages posted with a token are refused until you turn it on above.</p>
      )}
      <CreateTokenForm
        onCreated={(token) => {
          tokens.setData((list) => [...(list ?? []), { id: token.id, name: token.name, createdAt: token.createdAt, lastUsedAt: null }])
          setCreated(token)
        }}
      />
      {created && <NewTokenPanel token={created} onDone={() => setCreated(null)} />}
      <ErrorNotice error={tokens.error} />
      {tokens.loading && <Loading label="Loading tokens…" />}
      {tokens.data && tokens.data.length === 0 && <p className="muted">You have no ingest tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Your tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) =>
                revoking === token.id ? (
                  <tr key={token.id}>
                    <td colSpan={4}>
                      <RevokeToken
                        token={token}
                        onCancel={() => setRevoking(null)}
                        onRevoked={() => {
                          tokens.setData((list) => list?.filter((t) => t.id !== token.id))
                          setRevoking(null)
                          if (created?.id === token.id) setCreated(null)
                          toast({ message: `Revoked “${tokenLabel(token)}”. Messages sent with it are now refused.` })
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={token.id}>
                    <th scope="row">{tokenLabel(token)}</th>
                    <td>{formatDateTime(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
                    <td className="num">
                      <button
                        type="button"
                        className="button-link"
                        aria-label={`Revoke ${tokenLabel(token)}`}
                        onClick={() => setRevoking(token.id)}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedSmsToken) => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onCreated(await createSmsToken(name))
      setName('')
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="New token">
      <ErrorNotice error={error} shownFields={['name']} />
      <div className="row">
        <Field
          label="Token name"
          hint="Which phone or app it is for, e.g. “Pixel 9 forwarder”."
          errors={error instanceof ApiError ? error.errorsFor('name') : []}
        >
          {(c) => <input {...c} maxLength={maxTokenNameLength} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  )
}

function RevokeToken({ token, onCancel, onRevoked }: { token: SmsToken; onCancel: () => void; onRevoked: () => void }) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function confirm(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await revokeSmsToken(token.id)
      onRevoked()
    } catch (e) {
      // Already revoked (in another tab, say): it is gone either way.
      if (e instanceof ApiError && e.status === 404) {
        onRevoked()
        return
      }
      setError(e)
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={confirm} aria-label={`Revoke ${tokenLabel(token)}`}>
      <p>
        <strong>Revoke “{tokenLabel(token)}”?</strong> The phone or app using it can no longer post messages; this cannot
        be undone. Expenses it created stay.
      </p>
      <ErrorNotice error={error} />
      <div className="row">
        <button type="submit" className="button-danger" disabled={busy}>
          {busy ? 'Revoking…' : 'Revoke token'}
        </button>
        {/* The Revoke button that opened this form is gone; the harmless choice takes the focus. */}
        <button type="button" className="button-secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </form>
  )
}
