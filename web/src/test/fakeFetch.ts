import { vi } from 'vitest'

export interface Call {
  method: string
  url: string
  headers: Record<string, string>
  body: string | undefined
  credentials: RequestCredentials | undefined
}

type Reply = Response | ((call: Call) => Response | Promise<Response>)

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ status, title, traceId: '00-abc', ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

/**
 * A fetch double with routes like "GET /api/v1/me". A route answers with its replies in turn and
 * repeats the last one. Unknown routes fail the test loudly with a 599.
 */
export function fakeFetch(routes: Record<string, Reply | Reply[]>) {
  const calls: Call[] = []
  const used = new Map<string, number>()
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url
    const method = (init?.method ?? 'GET').toUpperCase()
    const headers: Record<string, string> = {}
    new Headers(init?.headers).forEach((value, key) => {
      headers[key.toLowerCase()] = value
    })
    const call: Call = {
      method,
      url,
      headers,
      body: typeof init?.body === 'string' ? init.body : undefined,
      credentials: init?.credentials,
    }
    calls.push(call)
    const path = url.split('?')[0]
    const key = `${method} ${path}`
    const route = routes[key] ?? routes[`${method} ${url}`]
    if (!route) return new Response(`no fake for ${key}`, { status: 599 })
    const replies = Array.isArray(route) ? route : [route]
    const n = used.get(key) ?? 0
    used.set(key, n + 1)
    const reply = replies[Math.min(n, replies.length - 1)]
    const response = typeof reply === 'function' ? await reply(call) : reply
    return response.clone()
  })
  return { fetch: fn as unknown as typeof fetch, calls, callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.url.split('?')[0]}` === key) }
}

export const user = { id: 'u1', email: 'ada@example.com', displayName: 'Ada', role: 'user' }

export function authResult(token: string, expiresIn = 900) {
  return { accessToken: token, tokenType: 'Bearer', expiresIn, user }
}
