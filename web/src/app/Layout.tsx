import { useState } from 'react'
import { Link, NavLink, Outlet, useNavigate } from 'react-router'
import { NotificationBell } from '../features/notifications/NotificationBell'
import { useAuth } from './AuthProvider'

const links = [
  { to: '/', label: 'Home', end: true },
  { to: '/expenses', label: 'Expenses' },
  { to: '/reports', label: 'Reports' },
  { to: '/budgets', label: 'Budgets' },
  { to: '/categories', label: 'Categories' },
  { to: '/settings', label: 'Settings' },
]

export function Layout() {
  const { status, user, signOut } = useAuth()
  const navigate = useNavigate()
  const [signingOut, setSigningOut] = useState(false)
  const signedIn = status === 'signedIn'

  async function handleSignOut() {
    setSigningOut(true)
    try {
      await signOut()
    } catch {
      // Signed out locally even if the server could not be reached.
    } finally {
      setSigningOut(false)
      navigate('/sign-in', { replace: true })
    }
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Outlay home">
          <img src="/icons/icon.svg" alt="" width="28" height="28" />
          <span>Outlay</span>
        </Link>
        {signedIn && (
          <nav aria-label="Main" className="mainnav">
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
              {user?.role === 'admin' && (
                <li>
                  <NavLink to="/admin">Admin</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
        {signedIn && (
          <div className="account">
            <NotificationBell />
            <span className="account-name" title={user?.email}>
              {user?.displayName || user?.email}
            </span>
            <button type="button" className="button-secondary" onClick={handleSignOut} disabled={signingOut}>
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
