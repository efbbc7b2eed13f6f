/** An RFC 9457 problem from the API (or a network failure, status 0), ready to show in words. */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string | undefined
  readonly traceId: string | undefined
  /** Validation errors by field name, normalised to camelCase without a `$.` prefix. */
  readonly fieldErrors: Record<string, string[]>
  /** The whole parsed body, for endpoints whose problems carry extensions (e.g. an import report). */
  readonly body: unknown

  constructor(init: {
    status: number
    title: string
    detail?: string
    traceId?: string
    fieldErrors?: Record<string, string[]>
    body?: unknown
  }) {
    super(init.detail ?? init.title)
    this.name = 'ApiError'
    this.status = init.status
    this.title = init.title
    this.detail = init.detail
    this.traceId = init.traceId
    this.fieldErrors = init.fieldErrors ?? {}
    this.body = init.body
  }

  /** The messages for one field, matched case-insensitively (ASP.NET may say `Amount` or `$.amount`). */
  errorsFor(field: string): string[] {
    const wanted = normaliseField(field)
    return Object.entries(this.fieldErrors)
      .filter(([key]) => normaliseField(key) === wanted)
      .flatMap(([, messages]) => messages)
  }
}

function normaliseField(key: string): string {
  return key.replace(/^\$\./, '').toLowerCase()
}

const fallbackTitles: Record<number, string> = {
  400: 'The request was not valid',
  401: 'You need to sign in',
  403: 'You are not allowed to do that',
  404: 'Not found',
  409: 'That conflicts with existing data',
  412: 'Someone else changed this in the meantime',
  413: 'That is too large',
  422: 'The request could not be processed',
  423: 'The account is locked for now',
  429: 'Too many attempts, please wait a moment',
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readFieldErrors(errors: unknown): Record<string, string[]> {
  if (!isRecord(errors)) return {}
  const result: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(errors)) {
    if (Array.isArray(value)) result[key] = value.filter((m): m is string => typeof m === 'string')
    else if (typeof value === 'string') result[key] = [value]
  }
  return result
}

/** Builds an ApiError from a failed response, whatever its body turns out to be. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: unknown
  const text = await response.text().catch(() => '')
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  const retryAfter = response.headers.get('Retry-After')
  if (isRecord(body)) {
    const title = typeof body.title === 'string' ? body.title : fallbackTitle(response.status)
    let detail = typeof body.detail === 'string' ? body.detail : undefined
    if (!detail && retryAfter && response.status === 429) detail = `Try again in ${retryAfter} seconds.`
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : response.status,
      title,
      detail,
      traceId: typeof body.traceId === 'string' ? body.traceId : undefined,
      fieldErrors: readFieldErrors(body.errors),
      body,
    })
  }
  return new ApiError({ status: response.status, title: fallbackTitle(response.status), body })
}

function fallbackTitle(status: number): string {
  return fallbackTitles[status] ?? (status >= 500 ? 'The server had a problem' : `Request failed (${status})`)
}

export function networkError(cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : undefined
  return new ApiError({
    status: 0,
    title: 'Cannot reach the server',
    detail: 'Check your connection and try again.' + (reason ? ` (${reason})` : ''),
  })
}

/** One sentence for any error, for places that have no room for field details. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail ? `${error.title}: ${error.detail}` : error.title
  if (error instanceof Error) return error.message
  return 'Something went wrong.'
}
