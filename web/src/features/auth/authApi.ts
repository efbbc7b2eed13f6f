import { api, type AuthResult } from '../../api/client'

export interface ExternalProvider {
  name: string
  displayName: string
}

export async function signIn(email: string, password: string): Promise<AuthResult> {
  const result = await api.request<AuthResult>('/api/v1/auth/login', {
    method: 'POST',
    json: { email, password },
    auth: false,
  })
  api.accept(result)
  return result
}

export async function signUp(email: string, password: string, displayName: string): Promise<AuthResult> {
  const result = await api.request<AuthResult>('/api/v1/auth/signup', {
    method: 'POST',
    json: { email, password, displayName: displayName.trim() || undefined },
    auth: false,
  })
  api.accept(result)
  return result
}

/** Revokes the refresh cookie on the server, then forgets the access token whatever the answer. */
export async function signOut(): Promise<void> {
  try {
    await api.send('/api/v1/auth/logout', { method: 'POST', auth: false })
  } finally {
    api.clear()
  }
}

/**
 * External sign-in providers configured on the server. Not in the written contract yet:
 * assumed to be GET /api/v1/auth/providers → [{name, displayName}]; any failure means "none".
 */
export async function listProviders(signal?: AbortSignal): Promise<ExternalProvider[]> {
  try {
    const list = await api.request<unknown>('/api/v1/auth/providers', { auth: false, signal })
    if (!Array.isArray(list)) return []
    return list.filter(
      (p): p is ExternalProvider =>
        typeof p === 'object' && p !== null && typeof p.name === 'string' && typeof p.displayName === 'string',
    )
  } catch {
    return []
  }
}

export function externalSignInUrl(provider: string): string {
  return `/api/v1/auth/external/${encodeURIComponent(provider)}`
}
