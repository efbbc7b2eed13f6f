import { useState, type FormEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { signIn } from './authApi'

export function SignInForm() {
  const navigate = useNavigate()
  const location = useLocation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const from = (location.state as { from?: string } | null)?.from

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(email.trim(), password)
      navigate(from && from.startsWith('/') ? from : '/', { replace: true })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Sign in" noValidate>
      <ErrorNotice error={error} />
      <Field label="Email">
        {(c) => (
          <input
            {...c}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field label="Password">
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button-block" disabled={busy || !email || !password}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
