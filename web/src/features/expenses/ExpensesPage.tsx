import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { formatDay } from '../../api/dates'
import { describeError } from '../../api/errors'
import { formatMoney } from '../../api/money'
import { useProfile } from '../../app/ProfileProvider'
import { saveBlob } from '../../components/download'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Swatch } from '../../components/Swatch'
import { useToast } from '../../components/Toast'
import { emojiIcon, useCategories, type Category } from '../categories/categoriesApi'
import { ExpenseFiltersForm } from './ExpenseFiltersForm'
import { ExpenseForm } from './ExpenseForm'
import {
  createExpense,
  deleteExpense,
  exportExpenses,
  restoreExpense,
  updateExpense,
  type Expense,
  type ExpenseFilters,
} from './expensesApi'
import { ImportPanel } from './ImportPanel'
import { useExpenseList } from './useExpenseList'

const filterKeys: (keyof ExpenseFilters)[] = ['from', 'to', 'categoryId', 'q', 'minAmount', 'maxAmount', 'tag', 'sort']

export function ExpensesPage() {
  const { currency, timeZone } = useProfile()
  const categories = useCategories()
  const toast = useToast()
  const [params, setParams] = useSearchParams()
  const [showImport, setShowImport] = useState(false)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)

  const filters = useMemo(() => {
    const f: ExpenseFilters = {}
    for (const key of filterKeys) {
      const v = params.get(key)
      if (v) f[key] = v
    }
    return f
  }, [params])

  const list = useExpenseList(filters)
  const categoryList = useMemo(() => categories.data ?? [], [categories.data])
  const byId = useMemo(() => new Map(categoryList.map((c) => [c.id, c])), [categoryList])

  function applyFilters(next: ExpenseFilters) {
    const p = new URLSearchParams()
    for (const key of filterKeys) if (next[key]) p.set(key, String(next[key]))
    setParams(p, { replace: true })
  }

  async function add(input: Parameters<typeof createExpense>[0]) {
    const created = await createExpense(input, crypto.randomUUID())
    list.insert(created, 0)
    toast({ message: `Added ${formatMoney(created.amount, created.currency)} in ${created.categoryName}.` })
  }

  async function remove(expense: Expense) {
    try {
      await deleteExpense(expense.id)
    } catch (e) {
      toast({ message: `Could not delete: ${describeError(e)}` })
      return
    }
    const index = list.remove(expense.id)
    toast({
      message: `Deleted ${expense.merchant || 'expense'} (${formatMoney(expense.amount, expense.currency)}).`,
      action: {
        label: 'Undo',
        onClick: () => {
          restoreExpense(expense.id).then(
            (restored) => {
              list.insert(restored ?? expense, index)
              toast({ message: 'Expense restored.' })
            },
            (e: unknown) => toast({ message: `Could not restore: ${describeError(e)}` }),
          )
        },
      },
    })
  }

  async function download() {
    setExporting(true)
    try {
      const blob = await exportExpenses(filters.from, filters.to)
      saveBlob(blob, `outlay-expenses${filters.from ? `-${filters.from}` : ''}${filters.to ? `-to-${filters.to}` : ''}.csv`)
    } catch (e) {
      toast({ message: `Export failed: ${describeError(e)}` })
    } finally {
      setExporting(false)
    }
  }

  return (
    <section className="page">
      <header>
        <h1>Expenses</h1>
        <div className="row">
          <button type="button" className="button-secondary" onClick={() => setShowImport((s) => !s)} aria-expanded={showImport}>
            Import CSV
          </button>
          <button type="button" className="button-secondary" onClick={download} disabled={exporting}>
            {exporting ? 'Exporting…' : filters.from || filters.to ? 'Export these dates (CSV)' : 'Export CSV'}
          </button>
        </div>
      </header>

      {showImport && (
        <ImportPanel
          onClose={() => setShowImport(false)}
          onImported={(report) => {
            setShowImport(false)
            toast({
              message: `Imported ${report.imported} expenses${report.duplicates ? `, skipped ${report.duplicates} duplicates` : ''}.`,
            })
            list.reload()
          }}
        />
      )}

      <section className="card" aria-labelledby="quick-add-title">
        <h2 id="quick-add-title">Quick add</h2>
        <ExpenseForm categories={categoryList} currency={currency} timeZone={timeZone} onSubmit={add} />
      </section>

      <ExpenseFiltersForm key={params.toString()} value={filters} categories={categoryList} onChange={applyFilters} />

      <section aria-labelledby="list-title" aria-busy={list.loading}>
        <h2 id="list-title" className="visually-hidden">
          Expense list
        </h2>
        <ErrorNotice error={list.error} />
        {list.items.length === 0 && !list.loading && !list.error && (
          <p className="empty">
            {Object.keys(filters).length ? 'No expenses match these filters.' : 'No expenses yet. Add your first one above.'}
          </p>
        )}
        <ul className="expense-list">
          {list.items.map((expense) =>
            editingId === expense.id ? (
              <li key={expense.id} className="card">
                <ExpenseForm
                  categories={categoryList}
                  currency={currency}
                  timeZone={timeZone}
                  expense={expense}
                  onCancel={() => setEditingId(null)}
                  onSubmit={async (input) => {
                    const updated = await updateExpense(expense.id, input)
                    list.replace(updated)
                    setEditingId(null)
                    toast({ message: 'Changes saved.' })
                  }}
                />
              </li>
            ) : (
              <ExpenseRow
                key={expense.id}
                expense={expense}
                category={byId.get(expense.categoryId)}
                onEdit={() => setEditingId(expense.id)}
                onDelete={() => remove(expense)}
              />
            ),
          )}
        </ul>
        {list.loading && <Loading label={list.items.length ? 'Loading more…' : 'Loading expenses…'} />}
        {list.hasMore && !list.loading && <InfiniteScrollTrigger onVisible={list.loadMore} />}
      </section>
    </section>
  )
}

function ExpenseRow({
  expense,
  category,
  onEdit,
  onDelete,
}: {
  expense: Expense
  category: Category | undefined
  onEdit: () => void
  onDelete: () => void
}) {
  const title = expense.merchant || expense.note || expense.categoryName
  const amount = formatMoney(expense.amount, expense.currency)
  return (
    <li className="expense">
      <div className="expense-main">
        <div className="expense-title">
          <Link to={`/expenses/${encodeURIComponent(expense.id)}`} aria-label={`${title}, ${amount}`}>
            {title}
          </Link>
        </div>
        <div className="expense-meta">
          <span>
            <Swatch color={category?.color} />
            {emojiIcon(category)}
            {expense.categoryName}
          </span>
          <span>{formatDay(expense.occurredOn)}</span>
          {expense.merchant && expense.note && <span>{expense.note}</span>}
          {expense.source !== 'manual' && <span className="tag">{expense.source}</span>}
          {expense.tags.map((t) => (
            <span key={t} className="tag">
              #{t}
            </span>
          ))}
        </div>
      </div>
      <div className="expense-amount">{amount}</div>
      <div className="expense-actions">
        <button type="button" className="button-link" onClick={onEdit} aria-label={`Edit ${title}, ${amount}`}>
          Edit
        </button>
        <button type="button" className="button-link" onClick={onDelete} aria-label={`Delete ${title}, ${amount}`}>
          Delete
        </button>
      </div>
    </li>
  )
}

/** Loads the next page when the end of the list scrolls into view; the button works without scrolling. */
function InfiniteScrollTrigger({ onVisible }: { onVisible: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  const callback = useEffectEvent(onVisible)
  useEffect(() => {
    const node = ref.current
    if (!node || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) callback()
      },
      { rootMargin: '400px' },
    )
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return (
    <div ref={ref} className="center">
      <button type="button" className="button-secondary" onClick={onVisible}>
        Load more
      </button>
    </div>
  )
}
