import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { Loading } from '../components/Loading'
import { useAuth } from './AuthProvider'

export function RequireAuth({ children, role }: { children: ReactNode; role?: string }) {
  const { status, user } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <Loading label="Signing you in…" />
  if (status === 'signedOut') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />
  }
  if (role && user?.role !== role) {
    return (
      <section className="page">
        <h1>Not available</h1>
        <p>This page is for administrators.</p>
      </section>
    )
  }
  return children
}
