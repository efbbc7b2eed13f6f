import { useCallback, useEffect, useRef, useState } from 'react'
import { listExpenses, type Expense, type ExpenseFilters } from './expensesApi'

export interface ExpenseList {
  items: Expense[]
  loading: boolean
  error: unknown
  hasMore: boolean
  loadMore: () => void
  reload: () => void
  remove: (id: string) => number
  insert: (expense: Expense, index?: number) => void
  replace: (expense: Expense) => void
}

/** Keyset-paged expenses for a filter; a new filter starts again from the first page. */
export function useExpenseList(filters: ExpenseFilters): ExpenseList {
  const [items, setItems] = useState<Expense[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [generation, setGeneration] = useState(0)
  const inFlight = useRef<AbortController | null>(null)
  const key = JSON.stringify(filters)

  const fetchPage = useCallback(
    (from: string | null, replaceItems: boolean) => {
      inFlight.current?.abort()
      const controller = new AbortController()
      inFlight.current = controller
      setLoading(true)
      setError(null)
      listExpenses(JSON.parse(key) as ExpenseFilters, from, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return
          setItems((current) => (replaceItems ? page.items : [...current, ...page.items]))
          setCursor(page.nextCursor)
          setHasMore(page.nextCursor !== null)
          setLoading(false)
        },
        (e: unknown) => {
          if (controller.signal.aborted) return
          setError(e)
          setLoading(false)
        },
      )
    },
    [key],
  )

  useEffect(() => {
    setItems([])
    fetchPage(null, true)
    return () => inFlight.current?.abort()
  }, [fetchPage, generation])

  const loadMore = useCallback(() => {
    if (!loading && hasMore) fetchPage(cursor, false)
  }, [loading, hasMore, cursor, fetchPage])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  const remove = useCallback(
    (id: string) => {
      const index = items.findIndex((e) => e.id === id)
      setItems((current) => current.filter((e) => e.id !== id))
      return index
    },
    [items],
  )

  const insert = useCallback((expense: Expense, index = 0) => {
    setItems((current) => {
      const without = current.filter((e) => e.id !== expense.id)
      const at = Math.max(0, Math.min(index, without.length))
      return [...without.slice(0, at), expense, ...without.slice(at)]
    })
  }, [])

  const replace = useCallback((expense: Expense) => {
    setItems((current) => current.map((e) => (e.id === expense.id ? expense : e)))
  }, [])

  return { items, loading, error, hasMore, loadMore, reload, remove, insert, replace }
}
