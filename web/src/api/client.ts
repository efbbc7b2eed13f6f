import { ApiError, networkError, problemFromResponse } from './errors'

export interface AuthUser {
  id: string
  email: string
  displayName: string | null
  role: string
}

export interface AuthResult {
  accessToken: string
  tokenType: string
  expiresIn: number
  user: AuthUser
}

export type SessionEvent =
  | { type: 'signedIn'; user: AuthUser }
  | { type: 'signedOut' }
  /** The server no longer accepts this session (refresh refused): the user must sign in again. */
  | { type: 'expired' }

export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: string
  query?: Record<string, QueryValue>
  /** Sent as application/json. */
  json?: unknown
  /** Sent as is, e.g. CSV text; set the content type in `headers`. */
  body?: BodyInit
  headers?: Record<string, string>
  signal?: AbortSignal
  /** false for endpoints that must not carry the access token or trigger a refresh (login, signup). */
  auth?: boolean
}

export interface ClientOptions {
  fetch?: typeof fetch
  /** Refresh this many seconds before the access token expires. */
  refreshMarginSeconds?: number
}

const refreshPath = '/api/v1/auth/refresh'

// The endpoints that act on the refresh cookie alone refuse requests without it (or a same-origin Origin): a page
// on another site cannot send it without a CORS preflight, which the server never grants.
const requestedWith = { 'X-Requested-With': 'XMLHttpRequest' }

/**
 * The one HTTP client of the app. The access token lives only in this object's memory;
 * the refresh token is an HttpOnly cookie that only the browser sends to /api/v1/auth.
 */
export class ApiClient {
  private token: string | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private refreshDueAt = 0
  private refreshing: Promise<AuthResult | null> | null = null
  private readonly listeners = new Set<(event: SessionEvent) => void>()
  private readonly fetchImpl: typeof fetch
  private readonly marginSeconds: number

  constructor(options: ClientOptions = {}) {
    // Looked up per call so tests can stub the global fetch after the client exists.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.marginSeconds = options.refreshMarginSeconds ?? 60
  }

  get isSignedIn(): boolean {
    return this.token !== null
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Takes the AuthResult of a sign-in, sign-up or refresh and schedules the next refresh. */
  accept(result: AuthResult): void {
    this.token = result.accessToken
    this.schedule(result.expiresIn)
    this.emit({ type: 'signedIn', user: result.user })
  }

  /** Forgets the session locally (after sign-out). */
  clear(): void {
    this.drop()
    this.emit({ type: 'signedOut' })
  }

  /**
   * Asks for a new access token with the refresh cookie. Concurrent callers share one request,
   * because the server rotates the refresh token: a second request with the old cookie would be
   * taken for theft and end the session. Resolves to null when there is no valid session.
   */
  refresh(): Promise<AuthResult | null> {
    if (!this.refreshing) {
      this.refreshing = this.refreshAcrossTabs().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  /** Refreshes now if the scheduled refresh time has passed (timers don't run while a laptop sleeps). */
  refreshIfDue(): void {
    if (this.token && Date.now() >= this.refreshDueAt) {
      // A refused refresh ends the session inside refreshNow.
      this.refresh().then(
        () => {},
        () => {},
      )
    }
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options)
    return (await readBody(response)) as T
  }

  /** Like request, but also gives the response headers (ETag, Location). */
  async requestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<{ data: T; headers: Headers }> {
    const response = await this.send(path, options)
    return { data: (await readBody(response)) as T, headers: response.headers }
  }

  /** Sends a request; a 401 leads to one refresh and one retry, then to the sign-in page. */
  async send(path: string, options: RequestOptions = {}): Promise<Response> {
    const useAuth = options.auth !== false
    // On load the first refresh may still be running: wait for it rather than fail with a 401.
    if (useAuth && !this.token && this.refreshing) await this.refreshing.catch(() => null)

    const tokenUsed = useAuth ? this.token : null
    let response = await this.fetchOnce(path, options, tokenUsed)
    if (response.status === 401 && useAuth) {
      const fresh = await this.tokenAfter401(tokenUsed)
      if (fresh) response = await this.fetchOnce(path, options, fresh)
      if (!fresh || response.status === 401) {
        const problem = await problemFromResponse(response)
        this.expire()
        throw problem
      }
    }
    if (!response.ok) throw await problemFromResponse(response)
    return response
  }

  private async tokenAfter401(tokenUsed: string | null): Promise<string | null> {
    // Another request already refreshed while this one was in flight: just use the new token.
    if (this.token && this.token !== tokenUsed) return this.token
    const result = await this.refresh().catch(() => null)
    return result?.accessToken ?? null
  }

  private async fetchOnce(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...requestedWith,
      ...options.headers,
    }
    let body = options.body
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.json)
    }
    if (token) headers.Authorization = `Bearer ${token}`
    try {
      return await this.fetchImpl(withQuery(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: options.signal,
        credentials: 'same-origin',
      })
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      throw networkError(error)
    }
  }

  private async refreshAcrossTabs(): Promise<AuthResult | null> {
    // Two tabs refreshing at once would present the same cookie twice; the Web Locks API
    // (where the browser has it) makes the second tab wait and send the rotated cookie.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
    return locks ? locks.request('outlay-refresh', () => this.refreshNow()) : this.refreshNow()
  }

  private async refreshNow(): Promise<AuthResult | null> {
    const tokenBefore = this.token
    let response: Response
    try {
      response = await this.fetchImpl(refreshPath, {
        method: 'POST',
        headers: { Accept: 'application/json', ...requestedWith },
        credentials: 'same-origin',
      })
    } catch (error) {
      throw networkError(error)
    }
    if (response.ok) {
      const result = (await response.json()) as AuthResult
      this.accept(result)
      return result
    }
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      // A sign-in that finished while this refresh was on its way (the one on page load, typically) is not
      // undone by the refresh's failure.
      if (this.token === tokenBefore) this.expire()
      return null
    }
    throw await problemFromResponse(response)
  }

  private schedule(expiresInSeconds: number): void {
    if (this.timer) clearTimeout(this.timer)
    const seconds = Math.max(expiresInSeconds - this.marginSeconds, expiresInSeconds / 2, 5)
    this.refreshDueAt = Date.now() + seconds * 1000
    this.timer = setTimeout(() => {
      this.refresh().then(
        () => {},
        // The server or network is down for now: try again soon; a 401 will also recover.
        () => this.schedule(Math.min(60 + this.marginSeconds, expiresInSeconds)),
      )
    }, seconds * 1000)
  }

  private expire(): void {
    const wasSignedIn = this.token !== null
    this.drop()
    if (wasSignedIn) this.emit({ type: 'expired' })
  }

  private drop(): void {
    this.token = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) return response.json()
  const text = await response.text()
  return text === '' ? undefined : text
}

export { ApiError }

/** The client the app uses. */
export const api = new ApiClient()
