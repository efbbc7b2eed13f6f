import { compareDecimal, formatMoney, formatPercent } from '../../api/money'
import type { Budget } from './budgetsApi'

const periodWords = { week: 'week', month: 'month', year: 'year' }

/** A budget's bar plus the same facts in words (spent, left or over, projection). */
export function BudgetProgress({ budget, name, currency }: { budget: Budget; name: string; currency: string }) {
  const { status } = budget
  const over = compareDecimal(status.remaining, '0') < 0
  const projectedOver = compareDecimal(status.projected, budget.amount) > 0
  const level = over ? 'over' : status.percent >= 80 ? 'warn' : ''
  return (
    <div className="stack budget">
      <div className="row">
        <strong>{name}</strong>
        <span className="muted small">per {periodWords[budget.period]}</span>
      </div>
      <progress
        className={`progress ${level}`}
        max={100}
        value={Math.min(Math.max(status.percent, 0), 100)}
        aria-label={`${name}: ${formatPercent(status.percent)} of the budget used`}
      />
      <p className="small">
        {formatMoney(status.spent, currency)} of {formatMoney(budget.amount, currency)} spent ({formatPercent(status.percent)}).{' '}
        {over ? (
          <strong className="up">Over by {formatMoney(status.remaining.replace(/^-/, ''), currency)}.</strong>
        ) : (
          <span>{formatMoney(status.remaining, currency)} left.</span>
        )}
      </p>
      <p className={`small ${projectedOver ? 'up' : 'muted'}`}>
        At this pace: {formatMoney(status.projected, currency)} by the end of the {periodWords[budget.period]}
        {projectedOver && !over ? ' — more than the budget.' : '.'}
      </p>
    </div>
  )
}
