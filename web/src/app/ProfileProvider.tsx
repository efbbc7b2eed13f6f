import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { getMe, type Profile } from '../features/settings/profileApi'
import { useAuth } from './AuthProvider'

interface ProfileContextValue {
  profile: Profile | null
  /** The user's currency, or USD until the profile has loaded. */
  currency: string
  timeZone: string | undefined
  setProfile: (profile: Profile) => void
}

const ProfileContext = createContext<ProfileContextValue>({
  profile: null,
  currency: 'USD',
  timeZone: undefined,
  setProfile: () => {},
})

export function useProfile(): ProfileContextValue {
  return useContext(ProfileContext)
}

export function ProfileProvider({ children }: { children: ReactNode }) {
  const { status, user } = useAuth()
  const [profile, setProfile] = useState<Profile | null>(null)
  const userId = user?.id

  useEffect(() => {
    if (status !== 'signedIn') {
      setProfile(null)
      return
    }
    const controller = new AbortController()
    getMe(controller.signal).then(
      (me) => setProfile(me),
      () => {
        // Pages still work with defaults; each shows its own errors.
      },
    )
    return () => controller.abort()
  }, [status, userId])

  const value = useMemo<ProfileContextValue>(
    () => ({
      profile,
      currency: profile?.currency ?? 'USD',
      timeZone: profile?.timeZone,
      setProfile,
    }),
    [profile],
  )
  return <ProfileContext.Provider value={value}>{children}</ProfileContext.Provider>
}
