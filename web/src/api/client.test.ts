import { afterEach, describe, expect, it, vi } from 'vitest'
import { authResult, fakeFetch, json, problem } from '../test/fakeFetch'
import { ApiClient, type SessionEvent } from './client'
import { ApiError } from './errors'

afterEach(() => {
  vi.useRealTimers()
})

describe('ApiClient', () => {
  it('refreshes with the cookie on load and then sends the token as a bearer header', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/refresh': json(authResult('t1')),
      'GET /api/v1/me': json({ id: 'u1' }),
    })
    const client = new ApiClient({ fetch: fake.fetch })

    const result = await client.refresh()
    await client.request('/api/v1/me')

    expect(result?.user.email).toBe('ada@example.com')
    const [refresh, me] = fake.calls
    expect(refresh.credentials).toBe('same-origin')
    expect(refresh.headers.authorization).toBeUndefined()
    expect(me.headers.authorization).toBe('Bearer t1')
    expect(me.url).not.toContain('t1')
  })

  it('marks the refresh and every other request with X-Requested-With, which the cookie endpoints require', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/refresh': json(authResult('t1')),
      'POST /api/v1/auth/logout': new Response(null, { status: 204 }),
    })
    const client = new ApiClient({ fetch: fake.fetch })

    await client.refresh()
    await client.send('/api/v1/auth/logout', { method: 'POST', auth: false })

    expect(fake.calls.map((c) => c.headers['x-requested-with'])).toEqual(['XMLHttpRequest', 'XMLHttpRequest'])
  })

  it('keeps the token out of web storage and readable cookies', async () => {
    const fake = fakeFetch({ 'POST /api/v1/auth/refresh': json(authResult('secret-token')) })
    const client = new ApiClient({ fetch: fake.fetch })
    await client.refresh()

    expect(client.isSignedIn).toBe(true)
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-token')
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret-token')
    expect(document.cookie).not.toContain('secret-token')
  })

  it('keeps a sign-in that finished while the refresh on page load was still on its way and then failed', async () => {
    let refuse: (response: Response) => void = () => {}
    const pending = new Promise<Response>((resolve) => (refuse = resolve))
    const fake = fakeFetch({ 'POST /api/v1/auth/refresh': () => pending })
    const client = new ApiClient({ fetch: fake.fetch })
    const events: SessionEvent[] = []
    client.subscribe((e) => events.push(e))

    const onLoad = client.refresh()
    client.accept(authResult('from-sign-in'))
    refuse(problem(401, 'Unauthorized'))

    expect(await onLoad).toBeNull()
    expect(client.isSignedIn).toBe(true)
    expect(events.map((e) => e.type)).toEqual(['signedIn'])
  })

  it('answers null and stays signed out when there is no refresh cookie', async () => {
    const fake = fakeFetch({ 'POST /api/v1/auth/refresh': problem(401, 'Unauthorized') })
    const client = new ApiClient({ fetch: fake.fetch })
    const events: SessionEvent[] = []
    client.subscribe((e) => events.push(e))

    expect(await client.refresh()).toBeNull()
    expect(client.isSignedIn).toBe(false)
    expect(events).toEqual([])
  })

  it('refreshes once on a 401 and retries the request with the new token', async () => {
    const fake = fakeFetch({
      'GET /api/v1/me': [problem(401, 'Unauthorized'), json({ id: 'u1' })],
      'POST /api/v1/auth/refresh': json(authResult('t2')),
    })
    const client = new ApiClient({ fetch: fake.fetch })
    client.accept(authResult('t1'))

    const me = await client.request<{ id: string }>('/api/v1/me')

    expect(me.id).toBe('u1')
    expect(fake.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1)
    expect(fake.callsTo('GET /api/v1/me').map((c) => c.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2'])
  })

  it('shares one refresh between concurrent 401s', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const fake = fakeFetch({
      'GET /api/v1/a': [problem(401, 'Unauthorized'), json({ name: 'a' })],
      'GET /api/v1/b': [problem(401, 'Unauthorized'), json({ name: 'b' })],
      'GET /api/v1/c': [problem(401, 'Unauthorized'), json({ name: 'c' })],
      'POST /api/v1/auth/refresh': async () => {
        await gate
        return json(authResult('t2'))
      },
    })
    const client = new ApiClient({ fetch: fake.fetch })
    client.accept(authResult('t1'))

    const all = Promise.all(['a', 'b', 'c'].map((n) => client.request<{ name: string }>(`/api/v1/${n}`)))
    await vi.waitFor(() => expect(fake.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1))
    release()

    expect((await all).map((r) => r.name)).toEqual(['a', 'b', 'c'])
    expect(fake.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1)
  })

  it('reuses a token that another request already refreshed instead of refreshing again', async () => {
    const fake = fakeFetch({
      'GET /api/v1/slow': [problem(401, 'Unauthorized'), json({ ok: true })],
      'POST /api/v1/auth/refresh': json(authResult('t2')),
    })
    const client = new ApiClient({ fetch: fake.fetch })
    client.accept(authResult('t1'))
    // The 401 was answered to a request sent with t1, but t2 arrived meanwhile.
    const pending = client.request('/api/v1/slow')
    client.accept(authResult('t2'))
    await pending

    expect(fake.callsTo('POST /api/v1/auth/refresh')).toHaveLength(0)
    expect(fake.callsTo('GET /api/v1/slow')[1].headers.authorization).toBe('Bearer t2')
  })

  it('gives up after one refresh and reports the session as expired', async () => {
    const fake = fakeFetch({
      'GET /api/v1/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/refresh': json(authResult('t2')),
    })
    const client = new ApiClient({ fetch: fake.fetch })
    client.accept(authResult('t1'))
    const events: SessionEvent[] = []
    client.subscribe((e) => events.push(e))

    await expect(client.request('/api/v1/me')).rejects.toMatchObject({ status: 401 })
    expect(fake.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1)
    expect(fake.callsTo('GET /api/v1/me')).toHaveLength(2)
    expect(events.at(-1)).toEqual({ type: 'expired' })
    expect(client.isSignedIn).toBe(false)
  })

  it('sends the user to sign in when the refresh is refused', async () => {
    const fake = fakeFetch({
      'GET /api/v1/me': problem(401, 'Unauthorized'),
      'POST /api/v1/auth/refresh': problem(401, 'Unauthorized'),
    })
    const client = new ApiClient({ fetch: fake.fetch })
    client.accept(authResult('t1'))
    const events: SessionEvent[] = []
    client.subscribe((e) => events.push(e))

    await expect(client.request('/api/v1/me')).rejects.toBeInstanceOf(ApiError)
    expect(events).toEqual([{ type: 'expired' }])
    expect(fake.callsTo('GET /api/v1/me')).toHaveLength(1)
  })

  it('does not refresh for sign-in calls that answer 401', async () => {
    const fake = fakeFetch({
      'POST /api/v1/auth/login': problem(401, 'Unauthorized', { detail: 'Wrong email or password.' }),
    })
    const client = new ApiClient({ fetch: fake.fetch })

    const error = await client
      .request('/api/v1/auth/login', { method: 'POST', json: { email: 'a', password: 'b' }, auth: false })
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).detail).toBe('Wrong email or password.')
    expect(fake.calls).toHaveLength(1)
  })

  it('refreshes shortly before the access token expires', async () => {
    vi.useFakeTimers()
    const fake = fakeFetch({ 'POST /api/v1/auth/refresh': json(authResult('t2')) })
    const client = new ApiClient({ fetch: fake.fetch, refreshMarginSeconds: 60 })
    client.accept(authResult('t1', 900))

    await vi.advanceTimersByTimeAsync(839_000)
    expect(fake.calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fake.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1)
  })

  it('shares one request between concurrent refresh calls', async () => {
    const fake = fakeFetch({ 'POST /api/v1/auth/refresh': json(authResult('t1')) })
    const client = new ApiClient({ fetch: fake.fetch })

    const [a, b] = await Promise.all([client.refresh(), client.refresh()])

    expect(a?.accessToken).toBe('t1')
    expect(b?.accessToken).toBe('t1')
    expect(fake.calls).toHaveLength(1)
  })

  it('turns a validation problem into a typed error with field messages', async () => {
    const fake = fakeFetch({
      'POST /api/v1/expenses': problem(400, 'One or more validation errors occurred.', {
        errors: { Amount: ['USD amounts have at most 2 decimals.'], '$.occurredOn': ['Required.'] },
      }),
    })
    const client = new ApiClient({ fetch: fake.fetch })
    client.accept(authResult('t1'))

    const error = (await client.request('/api/v1/expenses', { method: 'POST', json: {} }).catch((e: unknown) => e)) as ApiError

    expect(error.status).toBe(400)
    expect(error.title).toBe('One or more validation errors occurred.')
    expect(error.traceId).toBe('00-abc')
    expect(error.errorsFor('amount')).toEqual(['USD amounts have at most 2 decimals.'])
    expect(error.errorsFor('occurredOn')).toEqual(['Required.'])
  })

  it('reports an unreachable server as a network error', async () => {
    const client = new ApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    await expect(client.request('/api/v1/me', { auth: false })).rejects.toMatchObject({
      status: 0,
      title: 'Cannot reach the server',
    })
  })

  it('leaves empty query values out of the URL', async () => {
    const fake = fakeFetch({ 'GET /api/v1/expenses': json({ items: [], nextCursor: null }) })
    const client = new ApiClient({ fetch: fake.fetch })
    await client.request('/api/v1/expenses', { query: { from: '2025-01-01', to: '', q: undefined, limit: 50 } })
    expect(fake.calls[0].url).toBe('/api/v1/expenses?from=2025-01-01&limit=50')
  })
})
