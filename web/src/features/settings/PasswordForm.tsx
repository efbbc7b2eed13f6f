import { useState, type FormEvent } from 'react'
import { ApiError } from '../../api/errors'
import { useAuth } from '../../app/AuthProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { PasswordStrength, passwordProblem } from '../auth/PasswordStrength'
import { changePassword } from './profileApi'

export function PasswordForm() {
  const { user } = useAuth()
  const toast = useToast()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [local, setLocal] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!current) found.currentPassword = 'Enter your current password.'
    const problem = passwordProblem(next)
    if (problem) found.newPassword = problem
    else if (next !== confirm) found.confirm = 'The two new passwords differ.'
    setLocal(found)
    if (Object.keys(found).length) return
    setBusy(true)
    setError(null)
    try {
      await changePassword(current, next)
      setCurrent('')
      setNext('')
      setConfirm('')
      toast({ message: 'Password changed. Other devices have been signed out.' })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const messages = (f: string) => [...(local[f] ? [local[f]] : []), ...(error instanceof ApiError ? error.errorsFor(f) : [])]
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Change password">
      <ErrorNotice error={error} shownFields={['currentPassword', 'newPassword']} />
      <input type="text" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
      <Field label="Current password" errors={messages('currentPassword')}>
        {(c) => <input {...c} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
      </Field>
      <Field label="New password" errors={messages('newPassword')} hint={<PasswordStrength password={next} userInputs={[user?.email ?? '']} />}>
        {(c) => <input {...c} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
      </Field>
      <Field label="Repeat new password" errors={messages('confirm')}>
        {(c) => <input {...c} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
      </Field>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  )
}
