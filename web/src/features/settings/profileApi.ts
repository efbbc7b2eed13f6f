import { api } from '../../api/client'

export type WeekStart = 'monday' | 'sunday'

export interface Profile {
  id: string
  email: string
  displayName: string | null
  role: string
  timeZone: string
  currency: string
  weekStart: WeekStart
  monthStartDay: number
  createdAt: string
}

export type ProfileUpdate = Partial<Pick<Profile, 'displayName' | 'timeZone' | 'currency' | 'weekStart' | 'monthStartDay'>>

export interface Session {
  id: string
  createdAt: string
  lastUsedAt: string | null
  userAgent: string | null
  current: boolean
}

export const getMe = (signal?: AbortSignal) => api.request<Profile>('/api/v1/me', { signal })

export const updateMe = (update: ProfileUpdate) => api.request<Profile>('/api/v1/me', { method: 'PATCH', json: update })

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.request<void>('/api/v1/me/password', { method: 'POST', json: { currentPassword, newPassword } })

export const listSessions = (signal?: AbortSignal) => api.request<Session[]>('/api/v1/auth/sessions', { signal })

export const revokeSession = (id: string) =>
  api.request<void>(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })

export interface ExternalLogin {
  provider: string
  displayName: string
  createdAt: string
}

export const listExternalLogins = (signal?: AbortSignal) => api.request<ExternalLogin[]>('/api/v1/me/external-logins', { signal })

/** Starts linking a provider; answers the provider address the browser must go to next. */
export const startExternalLink = (provider: string) =>
  api.request<{ redirectUrl: string }>(`/api/v1/me/external-logins/${encodeURIComponent(provider)}/link`, { method: 'POST' })

export const unlinkExternalLogin = (provider: string) =>
  api.request<void>(`/api/v1/me/external-logins/${encodeURIComponent(provider)}`, { method: 'DELETE' })

export const signOutEverywhere = () => api.request<void>('/api/v1/auth/logout-all', { method: 'POST' })

export async function exportAccount(): Promise<Blob> {
  const response = await api.send('/api/v1/me/export')
  return response.blob()
}

export const deleteAccount = (password: string) =>
  api.request<void>('/api/v1/me', { method: 'DELETE', json: { password } })

export interface SecurityEvent {
  id: string
  kind: string
  occurredAt: string
  clientAddress: string | null
  userAgent: string | null
  detail: string | null
}

export const listSecurityEvents = (cursor: string | null, signal?: AbortSignal) =>
  api.request<{ items: SecurityEvent[]; nextCursor: string | null }>('/api/v1/me/security-events', { query: { cursor, limit: 20 }, signal })
