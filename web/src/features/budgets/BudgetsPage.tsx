import { useState, type FormEvent } from 'react'
import { ApiError } from '../../api/errors'
import { validateAmount } from '../../api/money'
import { useApi } from '../../api/useApi'
import { useProfile } from '../../app/ProfileProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import { useCategories, type Category } from '../categories/categoriesApi'
import type { Period } from '../reports/reportsApi'
import { BudgetProgress } from './BudgetProgress'
import { alertSummary, budgetName, createBudget, deleteBudget, listBudgets, updateBudget, type Budget, type BudgetInput } from './budgetsApi'

export function BudgetsPage() {
  const { currency } = useProfile()
  const budgets = useApi((signal) => listBudgets(signal), [])
  const categories = useCategories()
  const toast = useToast()
  const [editing, setEditing] = useState<string | null>(null)
  const categoryList = categories.data ?? []

  async function remove(budget: Budget) {
    try {
      await deleteBudget(budget.id)
      budgets.setData((list) => list?.filter((b) => b.id !== budget.id))
      toast({ message: `Deleted the budget for ${budgetName(budget, categoryList)}.` })
    } catch (e) {
      toast({ message: e instanceof ApiError ? e.message : 'Could not delete the budget.' })
    }
  }

  return (
    <section className="page">
      <header>
        <h1>Budgets</h1>
      </header>
      <section className="card" aria-labelledby="new-budget">
        <h2 id="new-budget">New budget</h2>
        <BudgetForm
          categories={categoryList}
          currency={currency}
          submitLabel="Add budget"
          onSubmit={async (input) => {
            const created = await createBudget(input)
            budgets.setData((list) => [...(list ?? []), created])
          }}
        />
      </section>
      <ErrorNotice error={budgets.error} />
      {budgets.loading && <Loading label="Loading budgets…" />}
      {budgets.data?.length === 0 && <p className="empty">No budgets yet. Set one above to get warned before you overspend.</p>}
      <div className="grid">
        {budgets.data?.map((budget) => (
          <article key={budget.id} className="card">
            {editing === budget.id ? (
              <BudgetForm
                budget={budget}
                categories={categoryList}
                currency={currency}
                submitLabel="Save"
                onCancel={() => setEditing(null)}
                onSubmit={async (input) => {
                  const updated = await updateBudget(budget.id, input)
                  budgets.setData((list) => list?.map((b) => (b.id === updated.id ? updated : b)))
                  setEditing(null)
                }}
              />
            ) : (
              <>
                <BudgetProgress budget={budget} name={budgetName(budget, categoryList)} currency={currency} />
                <p className="muted small">{alertSummary(budget)}</p>
                <div className="row">
                  <button type="button" className="button-link" onClick={() => setEditing(budget.id)} aria-label={`Edit budget for ${budgetName(budget, categoryList)}`}>
                    Edit
                  </button>
                  <button type="button" className="button-link" onClick={() => remove(budget)} aria-label={`Delete budget for ${budgetName(budget, categoryList)}`}>
                    Delete
                  </button>
                </div>
              </>
            )}
          </article>
        ))}
      </div>
    </section>
  )
}

function BudgetForm({
  budget,
  categories,
  currency,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  budget?: Budget
  categories: Category[]
  currency: string
  submitLabel: string
  onSubmit: (input: BudgetInput) => Promise<void>
  onCancel?: () => void
}) {
  const [categoryId, setCategoryId] = useState(budget?.categoryId ?? '')
  const [period, setPeriod] = useState<Period>(budget?.period ?? 'month')
  const [amount, setAmount] = useState(budget?.amount ?? '')
  const [alertAt, setAlertAt] = useState((budget?.alertAt ?? [50, 80, 100]).join(', '))
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Record<string, string> = {}
    const amountProblem = validateAmount(amount, currency)
    if (amountProblem) found.amount = amountProblem
    const thresholds = alertAt
      .split(',')
      .map((t) => t.trim().replace(/%$/, ''))
      .filter(Boolean)
    if (thresholds.some((t) => !/^\d{1,3}$/.test(t) || Number(t) < 1 || Number(t) > 200)) {
      found.alertAt = 'Use whole percentages between 1 and 200, separated by commas.'
    }
    setLocalErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    setError(null)
    try {
      await onSubmit({
        categoryId: categoryId || null,
        period,
        amount: amount.trim(),
        alertAt: [...new Set(thresholds.map(Number))].sort((a, b) => a - b),
      })
      if (!budget) setAmount('')
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const messages = (f: string) => [...(localErrors[f] ? [localErrors[f]] : []), ...(error instanceof ApiError ? error.errorsFor(f) : [])]
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={budget ? 'Edit budget' : 'New budget'}>
      <ErrorNotice error={error} shownFields={['categoryId', 'period', 'amount', 'alertAt']} />
      <div className="row">
        <Field label="Budget for" errors={messages('categoryId')}>
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
        <Field label="Period" errors={messages('period')}>
          {(c) => (
            <select {...c} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
              <option value="week">Weekly</option>
              <option value="month">Monthly</option>
              <option value="year">Yearly</option>
            </select>
          )}
        </Field>
        <Field label={`Limit (${currency})`} errors={messages('amount')}>
          {(c) => <input {...c} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        <Field label="Alert at (%)" errors={messages('alertAt')}>
          {(c) => <input {...c} value={alertAt} onChange={(e) => setAlertAt(e.target.value)} />}
        </Field>
      </div>
      <div className="row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
