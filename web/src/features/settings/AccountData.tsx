import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { api } from '../../api/client'
import { ApiError } from '../../api/errors'
import { saveBlob } from '../../components/download'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { deleteAccount, exportAccount } from './profileApi'

export function AccountExport() {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  async function download() {
    setBusy(true)
    setError(null)
    try {
      saveBlob(await exportAccount(), `outlay-account-${new Date().toISOString().slice(0, 10)}.json`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="stack">
      <p>Download everything Outlay stores about you — profile, categories, expenses, budgets — as one JSON file.</p>
      <ErrorNotice error={error} />
      <div>
        <button type="button" className="button-secondary" onClick={download} disabled={busy}>
          {busy ? 'Preparing…' : 'Download my data (JSON)'}
        </button>
      </div>
    </div>
  )
}

export function DeleteAccount() {
  const navigate = useNavigate()
  const [password, setPassword] = useState('')
  const [understood, setUnderstood] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await deleteAccount(password)
      api.clear()
      navigate('/', { replace: true })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Delete account">
      <p>
        Deleting your account removes all of your expenses, categories and budgets for good. Download your data first if
        you may want it later.
      </p>
      <ErrorNotice error={error} shownFields={['password']} />
      <Field label="Your password" errors={error instanceof ApiError ? error.errorsFor('password') : []}>
        {(c) => <input {...c} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />I understand this
        cannot be undone
      </label>
      <div>
        <button type="submit" className="button-danger" disabled={busy || !password || !understood}>
          {busy ? 'Deleting…' : 'Delete my account'}
        </button>
      </div>
    </form>
  )
}
