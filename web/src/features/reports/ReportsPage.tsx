import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { addDays, formatDay, formatMonth, todayIn } from '../../api/dates'
import { formatMoney, formatMoneyCompact, formatPercent } from '../../api/money'
import { useApi } from '../../api/useApi'
import { useProfile } from '../../app/ProfileProvider'
import { Chart, palette, type ChartOption } from '../../components/Chart'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Swatch } from '../../components/Swatch'
import { useCategories, type Category } from '../categories/categoriesApi'
import { ChangeText } from './ChangeText'
import { getSummary, type Period, type Summary } from './reportsApi'
import { TrendView } from './TrendView'

const periods: { value: Period; label: string }[] = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'year', label: 'Year' },
]

export default function ReportsPage() {
  const [params, setParams] = useSearchParams()
  const { timeZone } = useProfile()
  const period = (periods.some((p) => p.value === params.get('period')) ? params.get('period') : 'month') as Period
  const date = params.get('date') ?? undefined
  const summary = useApi((signal) => getSummary(period, date, signal), [period, date])
  const categories = useCategories()
  const today = todayIn(timeZone)

  function go(next: { period?: Period; date?: string | null }) {
    const p = new URLSearchParams(params)
    if (next.period) p.set('period', next.period)
    if (next.date === null) p.delete('date')
    else if (next.date) p.set('date', next.date)
    setParams(p, { replace: true })
  }

  const data = summary.data
  const isCurrent = data ? data.period.end >= today : true

  return (
    <section className="page">
      <header>
        <h1>Reports</h1>
        <div className="segmented" role="group" aria-label="Period">
          {periods.map((p) => (
            <button key={p.value} type="button" aria-pressed={period === p.value} onClick={() => go({ period: p.value })}>
              {p.label}
            </button>
          ))}
        </div>
      </header>

      <nav className="period-nav card" aria-label="Choose period">
        <button
          type="button"
          className="button-secondary"
          disabled={!data}
          onClick={() => data && go({ date: addDays(data.period.start, -1) })}
        >
          <span aria-hidden="true">←</span> Previous {period}
        </button>
        <span className="period-label" aria-live="polite">
          {data ? data.period.label || `${formatDay(data.period.start)} – ${formatDay(data.period.end)}` : '…'}
        </span>
        <button
          type="button"
          className="button-secondary"
          disabled={!data || isCurrent}
          onClick={() => data && go({ date: addDays(data.period.end, 1) })}
        >
          Next {period} <span aria-hidden="true">→</span>
        </button>
        {!isCurrent && (
          <button type="button" className="button-link" onClick={() => go({ date: null })}>
            Back to this {period}
          </button>
        )}
      </nav>

      <ErrorNotice error={summary.error} />
      {summary.loading && !data && <Loading label="Loading report…" />}
      {data && <SummaryView summary={data} period={period} categories={categories.data ?? []} />}

      <TrendView categories={categories.data ?? []} />
    </section>
  )
}

function seriesLabel(start: string, period: Period): string {
  if (period === 'year') return formatMonth(start)
  return formatDay(start, period === 'week' ? { weekday: 'short', day: 'numeric' } : { day: 'numeric', month: 'short' })
}

function SummaryView({ summary, period, categories }: { summary: Summary; period: Period; categories: Category[] }) {
  const { currency } = summary
  const colours = useMemo(() => {
    const byId = new Map(categories.map((c) => [c.id, c.color]))
    return summary.byCategory.map((c, i) => byId.get(c.categoryId) || palette[i % palette.length])
  }, [summary.byCategory, categories])

  const donut = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p
          const row = summary.byCategory[item.dataIndex]
          return row ? `${row.name}\n${formatMoney(row.total, currency)} (${formatPercent(row.share, 1)})` : ''
        },
      },
      series: [
        {
          type: 'pie',
          radius: ['48%', '75%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          // The table beside the chart is its legend, so slices need no labels that could clip on a phone.
          label: { show: false },
          data: summary.byCategory.map((c, i) => ({
            name: c.name,
            value: Number(c.total),
            itemStyle: { color: colours[i] },
          })),
        },
      ],
    }),
    [summary.byCategory, colours, currency],
  )

  const bars = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p
          const point = summary.series[item.dataIndex]
          return point ? `${formatDay(point.start)}\n${formatMoney(point.total, currency)}` : ''
        },
      },
      xAxis: { type: 'category', data: summary.series.map((s) => seriesLabel(s.start, period)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoneyCompact(v, currency) } },
      series: [{ type: 'bar', data: summary.series.map((s) => Number(s.total)), itemStyle: { color: palette[0], borderRadius: [4, 4, 0, 0] } }],
    }),
    [summary.series, currency, period],
  )

  const topCategory = summary.byCategory[0]
  const previousName = `the previous ${period}`

  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>Spent</dt>
          <dd>{formatMoney(summary.total, currency)}</dd>
        </div>
        <div className="stat">
          <dt>Expenses</dt>
          <dd>{summary.count}</dd>
        </div>
        <div className="stat">
          <dt>Average per day</dt>
          <dd>{formatMoney(summary.averagePerDay, currency)}</dd>
        </div>
        <div className="stat">
          <dt>Compared with {previousName}</dt>
          <dd className="small">
            <ChangeText percent={summary.previous.changePercent} against={previousName} />
            {summary.previous.changePercent != null && <div className="muted">({formatMoney(summary.previous.total, currency)})</div>}
          </dd>
        </div>
        <div className="stat">
          <dt>Compared with a year ago</dt>
          <dd className="small">
            <ChangeText percent={summary.yearAgo.changePercent} against="a year ago" />
            {summary.yearAgo.changePercent != null && <div className="muted">({formatMoney(summary.yearAgo.total, currency)})</div>}
          </dd>
        </div>
      </dl>

      {summary.otherCurrencies && summary.otherCurrencies.length > 0 && (
        <p className="notice small">
          Not included above (other currencies):{' '}
          {summary.otherCurrencies.map((o) => `${formatMoney(o.total, o.currency)} in ${o.count} expenses`).join('; ')}.
        </p>
      )}

      {summary.count === 0 ? (
        <p className="empty card">No spending recorded in this {period}.</p>
      ) : (
        <div className="grid grid-wide">
          <section className="card" aria-labelledby="by-category">
            <h2 id="by-category">Where the money went</h2>
            {topCategory && (
              <p className="muted small">
                {topCategory.name} took the largest share: {formatPercent(topCategory.share)}.
              </p>
            )}
            <Chart
              option={donut}
              label={`Donut chart of spending by category; the same figures are in the table “Spending by category”.`}
            />
            <div className="table-wrap">
              <table>
                <caption>Spending by category</caption>
                <thead>
                  <tr>
                    <th scope="col">Category</th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                    <th scope="col" className="num">
                      Share
                    </th>
                    <th scope="col" className="num">
                      Expenses
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {summary.byCategory.map((c, i) => (
                    <tr key={c.categoryId}>
                      <th scope="row">
                        <Swatch color={colours[i]} />
                        {c.name}
                      </th>
                      <td className="num">{formatMoney(c.total, currency)}</td>
                      <td className="num">{formatPercent(c.share, 1)}</td>
                      <td className="num">{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="card" aria-labelledby="over-time">
            <h2 id="over-time">{period === 'year' ? 'Month by month' : 'Day by day'}</h2>
            <Chart option={bars} label={`Bar chart of spending ${period === 'year' ? 'per month' : 'per day'}; the figures are in the table below.`} />
            <details className="figures">
              <summary>{period === 'year' ? 'Monthly' : 'Daily'} figures as a table</summary>
              <div className="table-wrap">
                <table>
                  <caption>Spending {period === 'year' ? 'per month' : 'per day'}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{period === 'year' ? 'Month' : 'Day'}</th>
                      <th scope="col" className="num">
                        Amount
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.series.map((s) => (
                      <tr key={s.start}>
                        <th scope="row">{period === 'year' ? formatMonth(s.start) : formatDay(s.start, { weekday: 'short', day: 'numeric', month: 'short' })}</th>
                        <td className="num">{formatMoney(s.total, currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>

          <section className="card" aria-labelledby="top-merchants">
            <h2 id="top-merchants">Top merchants</h2>
            {summary.topMerchants.length === 0 ? (
              <p className="muted">No merchants recorded.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Top merchants</caption>
                  <thead>
                    <tr>
                      <th scope="col">Merchant</th>
                      <th scope="col" className="num">
                        Amount
                      </th>
                      <th scope="col" className="num">
                        Visits
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.topMerchants.map((m) => (
                      <tr key={m.merchant}>
                        <th scope="row">{m.merchant}</th>
                        <td className="num">{formatMoney(m.total, currency)}</td>
                        <td className="num">{m.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="card" aria-labelledby="largest">
            <h2 id="largest">Largest expenses</h2>
            <ol className="expense-list">
              {summary.largest.map((e) => (
                <li key={e.id} className="expense">
                  <div className="expense-main">
                    <div className="expense-title">{e.merchant || e.note || e.categoryName}</div>
                    <div className="expense-meta">
                      <span>{e.categoryName}</span>
                      <span>{formatDay(e.occurredOn)}</span>
                    </div>
                  </div>
                  <div className="expense-amount">{formatMoney(e.amount, e.currency)}</div>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </>
  )
}
