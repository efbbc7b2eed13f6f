import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { listInsights } from './insightsApi'

const severityWords: Record<string, string> = {
  info: 'Tip',
  warning: 'Heads-up',
  alert: 'Warning',
  critical: 'Warning',
}

export function InsightCards() {
  const insights = useApi((signal) => listInsights(signal), [])
  return (
    <section aria-labelledby="insights-title">
      <h2 id="insights-title">Insights</h2>
      <ErrorNotice error={insights.error} />
      {insights.loading && <Loading label="Looking for insights…" />}
      {insights.data?.length === 0 && (
        <p className="muted">No insights yet. They appear once you have recorded a few weeks of spending.</p>
      )}
      <ul className="insights">
        {insights.data?.map((insight, i) => (
          <li key={`${insight.kind}-${i}`} className={`card insight insight-${insight.severity}`}>
            <p className="small muted">{severityWords[insight.severity] ?? 'Insight'}</p>
            <h3>{insight.title}</h3>
            <p>{insight.message}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
