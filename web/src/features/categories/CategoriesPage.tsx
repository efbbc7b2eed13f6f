import { useState, type FormEvent } from 'react'
import { ApiError } from '../../api/errors'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { Swatch } from '../../components/Swatch'
import { useToast } from '../../components/Toast'
import {
  createCategory,
  deleteCategory,
  updateCategory,
  useCategories,
  type Category,
  type CategoryInput,
} from './categoriesApi'

export function CategoriesPage() {
  const { data, error, loading, setData } = useCategories()
  const [editing, setEditing] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const toast = useToast()
  const categories = data ?? []

  return (
    <section className="page">
      <header>
        <h1>Categories</h1>
      </header>
      <section className="card" aria-labelledby="new-category">
        <h2 id="new-category">New category</h2>
        <CategoryForm
          submitLabel="Add category"
          onSubmit={async (input) => {
            const created = await createCategory(input)
            setData((list) => [...(list ?? []), created])
            toast({ message: `Added “${created.name}”.` })
          }}
        />
      </section>
      <ErrorNotice error={error} />
      {loading && <Loading label="Loading categories…" />}
      <ul className="expense-list card" aria-label="Categories">
        {categories.map((category) => (
          <li key={category.id} className="expense">
            {editing === category.id ? (
              <div className="expense-main">
                <CategoryForm
                  category={category}
                  submitLabel="Save"
                  onCancel={() => setEditing(null)}
                  onSubmit={async (input) => {
                    const updated = await updateCategory(category.id, input)
                    setData((list) => list?.map((c) => (c.id === updated.id ? updated : c)))
                    setEditing(null)
                  }}
                />
              </div>
            ) : deleting === category.id ? (
              <div className="expense-main">
                <DeleteCategory
                  category={category}
                  others={categories.filter((c) => c.id !== category.id)}
                  onCancel={() => setDeleting(null)}
                  onDeleted={() => {
                    setData((list) => list?.filter((c) => c.id !== category.id))
                    setDeleting(null)
                    toast({ message: `Deleted “${category.name}”.` })
                  }}
                />
              </div>
            ) : (
              <>
                <div className="expense-main">
                  <div className="expense-title">
                    <Swatch color={category.color} size={14} />
                    {category.icon ? `${category.icon} ` : ''}
                    {category.name}
                  </div>
                  {category.isDefault && <div className="expense-meta">Default category</div>}
                </div>
                <div />
                <div className="expense-actions">
                  <button type="button" className="button-link" aria-label={`Edit ${category.name}`} onClick={() => setEditing(category.id)}>
                    Edit
                  </button>
                  <button type="button" className="button-link" aria-label={`Delete ${category.name}`} onClick={() => setDeleting(category.id)}>
                    Delete
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function CategoryForm({
  category,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  category?: Category
  submitLabel: string
  onSubmit: (input: CategoryInput) => Promise<void>
  onCancel?: () => void
}) {
  const [name, setName] = useState(category?.name ?? '')
  const [color, setColor] = useState(category?.color ?? '#0f766e')
  const [icon, setIcon] = useState(category?.icon ?? '')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) {
      setError(new ApiError({ status: 400, title: 'Give the category a name.', fieldErrors: { name: ['Required.'] } }))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onSubmit({ name: name.trim(), color, icon: icon.trim() || undefined })
      if (!category) {
        setName('')
        setIcon('')
      }
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const fieldErrors = (f: string) => (error instanceof ApiError ? error.errorsFor(f) : [])
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={category ? `Edit ${category.name}` : 'New category'}>
      <ErrorNotice error={error} shownFields={['name', 'color', 'icon']} />
      <div className="row">
        <Field label="Name" errors={fieldErrors('name')}>
          {(c) => <input {...c} maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Colour" errors={fieldErrors('color')}>
          {(c) => <input {...c} type="color" value={color} onChange={(e) => setColor(e.target.value)} />}
        </Field>
        <Field label="Icon" hint="An emoji or short name" errors={fieldErrors('icon')}>
          {(c) => <input {...c} maxLength={32} value={icon} onChange={(e) => setIcon(e.target.value)} />}
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

function DeleteCategory({
  category,
  others,
  onCancel,
  onDeleted,
}: {
  category: Category
  others: Category[]
  onCancel: () => void
  onDeleted: () => void
}) {
  const [reassignTo, setReassignTo] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function confirm(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await deleteCategory(category.id, reassignTo || undefined)
      onDeleted()
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409 && !reassignTo
          ? new ApiError({
              status: 409,
              title: `“${category.name}” still has expenses.`,
              detail: 'Choose a category to move them to, then delete again.',
            })
          : e,
      )
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={confirm} aria-label={`Delete ${category.name}`}>
      <p>
        <strong>Delete “{category.name}”?</strong> Its expenses can move to another category.
      </p>
      <ErrorNotice error={error} />
      <Field label="Move its expenses to">
        {(c) => (
          <select {...c} value={reassignTo} onChange={(e) => setReassignTo(e.target.value)}>
            <option value="">Don’t move (only if it has no expenses)</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="row">
        <button type="submit" className="button-danger" disabled={busy}>
          {busy ? 'Deleting…' : 'Delete category'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
