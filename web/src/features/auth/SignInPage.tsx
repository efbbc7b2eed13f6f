import { Link, Navigate, useLocation } from 'react-router'
import { useAuth } from '../../app/AuthProvider'
import { ExternalProviders } from './ExternalProviders'
import { ExternalSignInError } from './ExternalSignInError'
import { SignInForm } from './SignInForm'

export function SignInPage() {
  const { status, expired } = useAuth()
  const from = (useLocation().state as { from?: string } | null)?.from
  // Signing in re-renders this page as signed in before the form navigates: go where the form would.
  if (status === 'signedIn') return <Navigate to={from && from.startsWith('/') ? from : '/'} replace />
  return (
    <section className="auth-card">
      <h1>Sign in to Outlay</h1>
      {expired && (
        <p className="notice" role="status">
          Your session has ended. Please sign in again.
        </p>
      )}
      <ExternalSignInError />
      <SignInForm />
      <ExternalProviders />
      <p className="center">
        New here? <Link to="/sign-up">Create an account</Link>
      </p>
    </section>
  )
}
