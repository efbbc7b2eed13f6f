import { useState, type FormEvent } from 'react'
import { Link, Navigate, useNavigate } from 'react-router'
import { ApiError } from '../../api/errors'
import { useAuth } from '../../app/AuthProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { signUp } from './authApi'
import { ExternalProviders } from './ExternalProviders'
import { PasswordStrength, passwordProblem } from './PasswordStrength'

export function SignUpPage() {
  const { status } = useAuth()
  const navigate = useNavigate()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)

  if (status === 'signedIn' && !busy) return <Navigate to="/" replace />

  const localPasswordProblem = touched ? passwordProblem(password) : null
  const serverErrors = (field: string) => (error instanceof ApiError ? error.errorsFor(field) : [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (passwordProblem(password)) return
    setBusy(true)
    setError(null)
    try {
      await signUp(email.trim(), password, displayName)
      navigate('/', { replace: true })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <section className="auth-card">
      <h1>Create your Outlay account</h1>
      <form className="stack" onSubmit={submit} aria-label="Create account" noValidate>
        <ErrorNotice error={error} shownFields={['email', 'password', 'displayName']} />
        <Field label="Email" errors={serverErrors('email')}>
          {(c) => (
            <input
              {...c}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Display name (optional)" errors={serverErrors('displayName')}>
          {(c) => (
            <input
              {...c}
              autoComplete="nickname"
              maxLength={80}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Password"
          errors={[...(localPasswordProblem ? [localPasswordProblem] : []), ...serverErrors('password')]}
          hint={<PasswordStrength password={password} userInputs={[email, displayName]} />}
        >
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onBlur={() => setTouched(true)}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button-block" disabled={busy || !email || !password}>
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <ExternalProviders />
      <p className="center">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </section>
  )
}
