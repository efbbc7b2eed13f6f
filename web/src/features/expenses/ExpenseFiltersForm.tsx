import { useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import type { Category } from '../categories/categoriesApi'
import type { ExpenseFilters } from './expensesApi'

interface Props {
  value: ExpenseFilters
  categories: Category[]
  onChange: (filters: ExpenseFilters) => void
}

const sorts = [
  { value: '', label: 'Newest first' },
  { value: 'occurredOn:asc', label: 'Oldest first' },
  { value: 'amount:desc', label: 'Largest first' },
  { value: 'amount:asc', label: 'Smallest first' },
]

export function ExpenseFiltersForm({ value, categories, onChange }: Props) {
  const [draft, setDraft] = useState<ExpenseFilters>(value)
  const [error, setError] = useState<string | null>(null)
  const set = (key: keyof ExpenseFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }))

  function apply(event: FormEvent) {
    event.preventDefault()
    if (draft.from && draft.to && draft.from > draft.to) {
      setError('The "From" day must not be after the "To" day.')
      return
    }
    const amountPattern = /^\d+(\.\d+)?$/
    if ((draft.minAmount && !amountPattern.test(draft.minAmount)) || (draft.maxAmount && !amountPattern.test(draft.maxAmount))) {
      setError('Amounts must be plain numbers such as 25 or 9.99.')
      return
    }
    setError(null)
    onChange(draft)
  }

  function clear() {
    setDraft({})
    setError(null)
    onChange({})
  }

  const active = Object.values(value).filter(Boolean).length

  return (
    <details className="card filters" open={active > 0}>
      <summary>Filters{active > 0 ? ` (${active} active)` : ''}</summary>
      <form className="stack" onSubmit={apply} aria-label="Filter expenses">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <Field label="Search">
            {(c) => <input {...c} type="search" placeholder="Merchant or note" value={draft.q ?? ''} onChange={set('q')} />}
          </Field>
          <Field label="From">{(c) => <input {...c} type="date" value={draft.from ?? ''} onChange={set('from')} />}</Field>
          <Field label="To">{(c) => <input {...c} type="date" value={draft.to ?? ''} onChange={set('to')} />}</Field>
          <Field label="Category">
            {(c) => (
              <select {...c} value={draft.categoryId ?? ''} onChange={set('categoryId')}>
                <option value="">All categories</option>
                {categories.map((cat) => (
                  <option key={cat.id} value={cat.id}>
                    {cat.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="Minimum amount">
            {(c) => <input {...c} inputMode="decimal" value={draft.minAmount ?? ''} onChange={set('minAmount')} />}
          </Field>
          <Field label="Maximum amount">
            {(c) => <input {...c} inputMode="decimal" value={draft.maxAmount ?? ''} onChange={set('maxAmount')} />}
          </Field>
          <Field label="Tag">{(c) => <input {...c} value={draft.tag ?? ''} onChange={set('tag')} />}</Field>
          <Field label="Sort">
            {(c) => (
              <select {...c} value={draft.sort ?? ''} onChange={set('sort')}>
                {sorts.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <button type="submit">Apply filters</button>
          <button type="button" className="button-secondary" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
    </details>
  )
}
