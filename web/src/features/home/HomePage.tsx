import { Link } from 'react-router'
import { formatMoney, formatPercent } from '../../api/money'
import { useApi } from '../../api/useApi'
import { useAuth } from '../../app/AuthProvider'
import { useProfile } from '../../app/ProfileProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import { BudgetProgress } from '../budgets/BudgetProgress'
import { budgetName, listBudgets } from '../budgets/budgetsApi'
import { useCategories } from '../categories/categoriesApi'
import { ExpenseForm } from '../expenses/ExpenseForm'
import { createExpense } from '../expenses/expensesApi'
import { InsightCards } from '../insights/InsightCards'
import { ChangeText } from '../reports/ChangeText'
import { getSummary } from '../reports/reportsApi'

export function HomePage() {
  const { user } = useAuth()
  const { currency, timeZone } = useProfile()
  const toast = useToast()
  const categories = useCategories()
  const month = useApi((signal) => getSummary('month', undefined, signal), [])
  const budgets = useApi((signal) => listBudgets(signal), [])
  const summary = month.data

  return (
    <section className="page">
      <header>
        <h1>Hello{user?.displayName ? `, ${user.displayName}` : ''}</h1>
      </header>

      <div className="grid">
        <section className="card" aria-labelledby="month-title">
          <h2 id="month-title">This month{summary ? ` (${summary.period.label})` : ''}</h2>
          <ErrorNotice error={month.error} />
          {month.loading && <Loading />}
          {summary && (
            <>
              <p className="hero-name">{formatMoney(summary.total, summary.currency)}</p>
              <p>
                {summary.count} {summary.count === 1 ? 'expense' : 'expenses'},{' '}
                <ChangeText percent={summary.previous.changePercent} against="last month" />.
              </p>
              {summary.byCategory[0] && (
                <p className="muted">
                  Most went to {summary.byCategory[0].name} ({formatPercent(summary.byCategory[0].share)}).
                </p>
              )}
              <Link to="/reports">See the full report</Link>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="home-add-title">
          <h2 id="home-add-title">Add an expense</h2>
          <ExpenseForm
            categories={categories.data ?? []}
            currency={currency}
            timeZone={timeZone}
            onSubmit={async (input) => {
              const created = await createExpense(input, crypto.randomUUID())
              toast({ message: `Added ${formatMoney(created.amount, created.currency)} in ${created.categoryName}.` })
              month.reload()
              budgets.reload()
            }}
          />
        </section>
      </div>

      {budgets.data && budgets.data.length > 0 && (
        <section className="card" aria-labelledby="home-budgets">
          <h2 id="home-budgets">Budgets</h2>
          <div className="grid">
            {budgets.data.map((b) => (
              <BudgetProgress key={b.id} budget={b} name={budgetName(b, categories.data ?? [])} currency={currency} />
            ))}
          </div>
          <Link to="/budgets">Manage budgets</Link>
        </section>
      )}

      <InsightCards />
    </section>
  )
}
