import { useRef, useState, type FormEvent } from 'react'
import { todayIn } from '../../api/dates'
import { ApiError } from '../../api/errors'
import { validateAmount } from '../../api/money'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { emojiIcon, type Category } from '../categories/categoriesApi'
import type { Expense, ExpenseInput } from './expensesApi'

interface Props {
  categories: Category[]
  /** The user's currency, used when the expense doesn't name another. */
  currency: string
  timeZone?: string
  expense?: Expense
  submitLabel?: string
  onSubmit: (input: ExpenseInput) => Promise<void>
  onCancel?: () => void
}

const fields = ['amount', 'currency', 'occurredOn', 'categoryId', 'merchant', 'note', 'tags', 'paymentMethod']

export function ExpenseForm({ categories, currency, timeZone, expense, submitLabel, onSubmit, onCancel }: Props) {
  const editing = expense !== undefined
  const [amount, setAmount] = useState(expense?.amount ?? '')
  const [merchant, setMerchant] = useState(expense?.merchant ?? '')
  const [occurredOn, setOccurredOn] = useState(expense?.occurredOn ?? todayIn(timeZone))
  const [categoryId, setCategoryId] = useState(expense?.categoryId ?? '')
  // Empty means "my currency": the server fills it in, so a profile still loading can't pick the wrong one.
  const [expenseCurrency, setExpenseCurrency] = useState(expense?.currency ?? '')
  const [note, setNote] = useState(expense?.note ?? '')
  const [tags, setTags] = useState((expense?.tags ?? []).join(', '))
  const [paymentMethod, setPaymentMethod] = useState(expense?.paymentMethod ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [serverError, setServerError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const amountRef = useRef<HTMLInputElement>(null)

  const effectiveCurrency = (expenseCurrency.trim() || currency).toUpperCase()

  function validate(): Record<string, string> {
    const found: Record<string, string> = {}
    const amountProblem = validateAmount(amount, effectiveCurrency)
    if (amountProblem) found.amount = amountProblem
    if (!/^\d{4}-\d{2}-\d{2}$/.test(occurredOn)) found.occurredOn = 'Choose the day of the expense.'
    if (!/^[A-Za-z]{3}$/.test(effectiveCurrency)) found.currency = 'Use a three-letter currency code such as USD.'
    if (merchant.length > 200) found.merchant = 'Keep the merchant under 200 characters.'
    return found
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    setServerError(null)
    if (Object.keys(found).length > 0) {
      const first = fields.find((f) => found[f])
      if (first === 'amount') amountRef.current?.focus()
      return
    }
    const input: ExpenseInput = {
      amount: amount.trim(),
      currency: expenseCurrency.trim() ? effectiveCurrency : undefined,
      occurredOn,
      categoryId: categoryId || (editing ? undefined : null),
      merchant: merchant.trim() || null,
      note: note.trim() || null,
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      paymentMethod: paymentMethod.trim() || null,
    }
    if (!input.categoryId) delete input.categoryId
    if (!input.currency) delete input.currency
    setBusy(true)
    try {
      await onSubmit(input)
      if (!editing) {
        setAmount('')
        setMerchant('')
        setCategoryId('')
        setNote('')
        setTags('')
        amountRef.current?.focus()
      }
    } catch (e) {
      setServerError(e)
    } finally {
      setBusy(false)
    }
  }

  const messages = (field: string): string[] => {
    const list = errors[field] ? [errors[field]] : []
    if (serverError instanceof ApiError) list.push(...serverError.errorsFor(field))
    return list
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={editing ? 'Edit expense' : 'Add expense'}>
      <ErrorNotice error={serverError} shownFields={fields} />
      <div className="row">
        <Field label="Amount" errors={messages('amount')}>
          {(c) => (
            <input
              {...c}
              ref={amountRef}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
        <Field label="Merchant" errors={messages('merchant')}>
          {(c) => (
            <input
              {...c}
              autoComplete="off"
              placeholder="e.g. Corner Café"
              value={merchant}
              onChange={(e) => setMerchant(e.target.value)}
            />
          )}
        </Field>
        <Field label="Date" errors={messages('occurredOn')}>
          {(c) => <input {...c} type="date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />}
        </Field>
        <Field label="Category" errors={messages('categoryId')}>
          {(c) => (
            <select {...c} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              {!editing && <option value="">Automatic (from merchant)</option>}
              {categories.map((cat) => (
                <option key={cat.id} value={cat.id}>
                  {emojiIcon(cat)}
                  {cat.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <details open={editing && Boolean(expense?.note || expense?.tags.length || expense?.paymentMethod)}>
        <summary>More details</summary>
        <div className="row">
          <Field label="Currency" errors={messages('currency')} hint={`Leave empty for ${currency}`}>
            {(c) => (
              <input
                {...c}
                maxLength={3}
                placeholder={currency}
                autoCapitalize="characters"
                value={expenseCurrency}
                onChange={(e) => setExpenseCurrency(e.target.value.toUpperCase())}
              />
            )}
          </Field>
          <Field label="Note" errors={messages('note')}>
            {(c) => <input {...c} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <Field label="Tags" hint="Separate with commas" errors={messages('tags')}>
            {(c) => <input {...c} value={tags} onChange={(e) => setTags(e.target.value)} />}
          </Field>
          <Field label="Payment method" errors={messages('paymentMethod')}>
            {(c) => (
              <input
                {...c}
                placeholder="e.g. card"
                value={paymentMethod}
                onChange={(e) => setPaymentMethod(e.target.value)}
              />
            )}
          </Field>
        </div>
      </details>
      <div className="row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : (submitLabel ?? (editing ? 'Save changes' : 'Add expense'))}
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
