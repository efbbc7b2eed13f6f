import { useState } from 'react'
import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import type { Period } from '../reports/reportsApi'
import { getSystemSummary } from './adminApi'

/** "activeUsers" → "Active users". */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

type Scalar = string | number | boolean | null

function isScalar(v: unknown): v is Scalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function show(v: Scalar): string {
  if (v === null) return '—'
  if (typeof v === 'boolean') return v ? 'Yes' : 'No'
  if (typeof v === 'number') return new Intl.NumberFormat().format(v)
  return v
}

/** Renders the system report whatever its exact shape: figures as a list, lists of rows as tables. */
function Figures({ value, title }: { value: unknown; title?: string }) {
  if (isScalar(value)) return <p>{show(value)}</p>
  if (Array.isArray(value)) {
    const rows = value.filter(isRecord)
    if (rows.length === 0) return <p className="muted">None.</p>
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))]
    return (
      <div className="table-wrap">
        <table>
          {title && <caption>{title}</caption>}
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {humanise(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c} className={typeof r[c] === 'number' ? 'num' : undefined}>
                    {isScalar(r[c]) ? show(r[c] as Scalar) : JSON.stringify(r[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  }
  if (!isRecord(value)) return null
  const scalars = Object.entries(value).filter(([, v]) => isScalar(v))
  const nested = Object.entries(value).filter(([, v]) => !isScalar(v))
  return (
    <div className="stack">
      {scalars.length > 0 && (
        <dl className="stats">
          {scalars.map(([k, v]) => (
            <div key={k} className="stat">
              <dt>{humanise(k)}</dt>
              <dd>{show(v as Scalar)}</dd>
            </div>
          ))}
        </dl>
      )}
      {nested.map(([k, v]) => (
        <section key={k}>
          <h3>{humanise(k)}</h3>
          <Figures value={v} title={humanise(k)} />
        </section>
      ))}
    </div>
  )
}

export function SystemReport() {
  const [period, setPeriod] = useState<Period>('month')
  const report = useApi((signal) => getSystemSummary(period, signal), [period])
  return (
    <div className="stack">
      <div className="row">
        <Field label="Report period">
          {(c) => (
            <select {...c} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
              <option value="week">This week</option>
              <option value="month">This month</option>
              <option value="year">This year</option>
            </select>
          )}
        </Field>
      </div>
      <ErrorNotice error={report.error} />
      {report.loading && <Loading label="Loading system report…" />}
      {report.data !== undefined && !report.loading && <Figures value={report.data} />}
    </div>
  )
}
