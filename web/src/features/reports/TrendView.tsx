import { useMemo, useState } from 'react'
import { formatDay, formatMonth } from '../../api/dates'
import { formatMoney, formatMoneyCompact } from '../../api/money'
import { useApi } from '../../api/useApi'
import { useProfile } from '../../app/ProfileProvider'
import { Chart, palette, type ChartOption } from '../../components/Chart'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import type { Category } from '../categories/categoriesApi'
import { getTrend } from './reportsApi'

function pointLabel(start: string, granularity: 'week' | 'month'): string {
  return granularity === 'month' ? formatMonth(start) : `Week of ${formatDay(start, { day: 'numeric', month: 'short' })}`
}

export function TrendView({ categories }: { categories: Category[] }) {
  const { currency } = useProfile()
  const [granularity, setGranularity] = useState<'week' | 'month'>('month')
  const [categoryId, setCategoryId] = useState('')
  const count = 12
  const trend = useApi((signal) => getTrend(granularity, count, categoryId || undefined, signal), [granularity, categoryId])
  const points = useMemo(() => trend.data?.points ?? [], [trend.data])
  const category = categories.find((c) => c.id === categoryId)

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p
          const point = points[item.dataIndex]
          return point ? `${pointLabel(point.start, granularity)}\n${formatMoney(point.total, currency)}` : ''
        },
      },
      xAxis: {
        type: 'category',
        data: points.map((p) => (granularity === 'month' ? formatMonth(p.start) : formatDay(p.start, { day: 'numeric', month: 'short' }))),
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoneyCompact(v, currency) } },
      series: [
        {
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.12 },
          data: points.map((p) => Number(p.total)),
          itemStyle: { color: category?.color || palette[1] },
        },
      ],
    }),
    [points, currency, granularity, category],
  )

  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">Trend</h2>
      <div className="row">
        <Field label="Show">
          {(c) => (
            <select {...c} value={granularity} onChange={(e) => setGranularity(e.target.value as 'week' | 'month')}>
              <option value="month">Last 12 months</option>
              <option value="week">Last 12 weeks</option>
            </select>
          )}
        </Field>
        <Field label="Trend category">
          {(c) => (
            <select {...c} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              <option value="">All spending</option>
              {categories.map((cat) => (
                <option key={cat.id} value={cat.id}>
                  {cat.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNotice error={trend.error} />
      {trend.loading && !trend.data && <Loading label="Loading trend…" />}
      {points.length > 0 && (
        <>
          <Chart option={option} label={`Line chart of ${category?.name ?? 'all'} spending per ${granularity}; the figures are in the table below.`} />
          <p className="muted small">The last point is the current {granularity}, which is not over yet.</p>
          <details className="figures">
            <summary>Trend figures as a table</summary>
            <div className="table-wrap">
              <table>
                <caption>
                  {category?.name ?? 'All'} spending per {granularity}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{granularity === 'month' ? 'Month' : 'Week'}</th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.start}>
                      <th scope="row">{pointLabel(p.start, granularity)}</th>
                      <td className="num">{formatMoney(p.total, currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  )
}
