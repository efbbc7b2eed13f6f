import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, type AuthUser } from '../api/client'
import { signOut as signOutRequest } from '../features/auth/authApi'

export type AuthStatus = 'loading' | 'signedIn' | 'signedOut'

interface AuthContextValue {
  status: AuthStatus
  user: AuthUser | null
  /** True when the server ended the session (not a sign-out the user asked for). */
  expired: boolean
  signOut: () => Promise<void>
}

const AuthContext = createContext<AuthContextValue | null>(null)

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth must be used inside AuthProvider')
  return value
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>(api.isSignedIn ? 'signedIn' : 'loading')
  const [user, setUser] = useState<AuthUser | null>(null)
  const [expired, setExpired] = useState(false)

  useEffect(() => {
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'signedIn') {
        setUser(event.user)
        setStatus('signedIn')
        setExpired(false)
      } else {
        setUser(null)
        setStatus('signedOut')
        setExpired(event.type === 'expired')
      }
    })
    // On load the access token is gone (it only lived in memory): the refresh cookie brings it back.
    api.refresh().then(
      (result) => {
        if (!result) setStatus('signedOut')
      },
      () => setStatus((s) => (s === 'loading' ? 'signedOut' : s)),
    )
    // A laptop waking from sleep may have missed the refresh timer.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && api.isSignedIn) api.refreshIfDue()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      unsubscribe()
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [])

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, expired, signOut: signOutRequest }),
    [status, user, expired],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
