import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { formatDateTime } from '../../api/dates'
import { ApiError, describeError } from '../../api/errors'
import { formatMoney } from '../../api/money'
import { useApi } from '../../api/useApi'
import { useProfile } from '../../app/ProfileProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import { useCategories } from '../categories/categoriesApi'
import { ExpenseForm } from './ExpenseForm'
import { deleteExpense, getExpense, restoreExpense, updateExpense, type Expense, type ExpenseInput } from './expensesApi'

const sourceLabels: Record<Expense['source'], string> = {
  manual: 'Added by hand',
  sms: 'Recorded from a bank SMS',
  import: 'Imported from CSV',
  recurring: 'Added by a recurring expense',
}

/** One expense at /expenses/:id, so other pages (such as the SMS messages) can link to it. */
export function ExpenseDetailPage() {
  const { id = '' } = useParams()
  const loaded = useApi((signal) => getExpense(id, signal), [id])

  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <ExpenseNotFound />
  return (
    <section className="page">
      <header>
        <h1>{loaded.data ? titleOf(loaded.data.expense) : 'Expense'}</h1>
        <Link to="/expenses">Back to expenses</Link>
      </header>
      <ErrorNotice error={loaded.error} />
      {loaded.loading && <Loading label="Loading expense…" />}
      {loaded.data && !loaded.loading && (
        <ExpenseDetail key={loaded.data.expense.id} expense={loaded.data.expense} etag={loaded.data.etag} />
      )}
    </section>
  )
}

function ExpenseDetail({ expense, etag }: { expense: Expense; etag: string | null }) {
  const { currency, timeZone } = useProfile()
  const categories = useCategories()
  const toast = useToast()
  const navigate = useNavigate()
  const [deleting, setDeleting] = useState(false)

  async function save(input: ExpenseInput) {
    // A 412 (changed elsewhere since it was loaded) is thrown on to the form, which shows it.
    await updateExpense(expense.id, input, etag)
    toast({ message: 'Changes saved.' })
    void navigate('/expenses')
  }

  async function remove() {
    setDeleting(true)
    try {
      await deleteExpense(expense.id)
    } catch (e) {
      setDeleting(false)
      toast({ message: `Could not delete: ${describeError(e)}` })
      return
    }
    toast({
      message: `Deleted ${titleOf(expense)} (${formatMoney(expense.amount, expense.currency)}).`,
      action: {
        label: 'Undo',
        onClick: () => {
          restoreExpense(expense.id).then(
            () => {
              toast({ message: 'Expense restored.' })
              void navigate(`/expenses/${encodeURIComponent(expense.id)}`)
            },
            (e: unknown) => toast({ message: `Could not restore: ${describeError(e)}` }),
          )
        },
      },
    })
    void navigate('/expenses')
  }

  return (
    <div className="stack">
      <p className="muted">
        {sourceLabels[expense.source]}, {formatDateTime(expense.createdAt)}.
      </p>
      <section className="card" aria-label="Expense details">
        <ExpenseForm
          categories={categories.data ?? []}
          currency={currency}
          timeZone={timeZone}
          expense={expense}
          onSubmit={save}
          onCancel={() => void navigate('/expenses')}
        />
      </section>
      <div>
        <button type="button" className="button-danger" disabled={deleting} onClick={() => void remove()}>
          {deleting ? 'Deleting…' : 'Delete expense'}
        </button>
      </div>
    </div>
  )
}

function ExpenseNotFound() {
  return (
    <section className="page">
      <h1>Expense not found</h1>
      <p>
        There is no such expense in your account: it may have been deleted, or the link is wrong.{' '}
        <Link to="/expenses">Back to expenses</Link>
      </p>
    </section>
  )
}

function titleOf(expense: Expense): string {
  return expense.merchant || expense.note || expense.categoryName
}
