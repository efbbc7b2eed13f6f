import { Link } from 'react-router'
import { useAuth } from '../../app/AuthProvider'
import { ExternalProviders } from './ExternalProviders'
import { SignInForm } from './SignInForm'

export function LandingPage() {
  const { expired } = useAuth()
  return (
    <div className="landing">
      <section className="hero">
        <h1>
          <span className="hero-name">Outlay</span>
          <span className="hero-tagline">See where your money goes.</span>
        </h1>
        <p>
          Record what you spend in seconds, let Outlay sort it into categories, and understand your month at a glance
          with charts, budgets and gentle insights. Self-hosted: your data stays on your server.
        </p>
        <ul className="hero-points">
          <li>Quick add, CSV import and export</li>
          <li>Weekly, monthly and yearly reports</li>
          <li>Budgets that warn you before you overspend</li>
        </ul>
      </section>
      <section className="auth-card" aria-labelledby="landing-sign-in">
        <h2 id="landing-sign-in">Sign in</h2>
        {expired && (
          <p className="notice" role="status">
            Your session has ended. Please sign in again.
          </p>
        )}
        <SignInForm />
        <ExternalProviders />
        <p className="center">
          New here? <Link to="/sign-up">Create an account</Link>
        </p>
      </section>
    </div>
  )
}
