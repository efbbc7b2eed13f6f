import { ApiError } from '../api/errors'

interface Props {
  error: unknown
  /** Field names the form already shows next to their inputs. */
  shownFields?: string[]
}

/** Shows any error in words: the problem's title and detail, and field messages not shown elsewhere. */
export function ErrorNotice({ error, shownFields = [] }: Props) {
  if (!error) return null
  if (!(error instanceof ApiError)) {
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">{error instanceof Error ? error.message : 'Something went wrong.'}</p>
      </div>
    )
  }
  const shown = new Set(shownFields.map((f) => f.toLowerCase()))
  const other = Object.entries(error.fieldErrors).filter(([key]) => !shown.has(key.replace(/^\$\./, '').toLowerCase()))
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{error.title}</p>
      {error.detail && <p>{error.detail}</p>}
      {other.length > 0 && (
        <ul>
          {other.flatMap(([field, messages]) =>
            messages.map((m) => (
              <li key={field + m}>
                {field ? <strong>{field.replace(/^\$\./, '')}: </strong> : null}
                {m}
              </li>
            )),
          )}
        </ul>
      )}
      {error.traceId && error.status >= 500 && <p className="muted small">Reference: {error.traceId}</p>}
    </div>
  )
}
