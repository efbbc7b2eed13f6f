import { api } from '../../api/client'
import { ApiError } from '../../api/errors'

export type ExpenseSource = 'manual' | 'sms' | 'import' | 'recurring'

export interface Expense {
  id: string
  amount: string
  currency: string
  occurredOn: string
  occurredAt?: string | null
  categoryId: string
  categoryName: string
  merchant?: string | null
  note?: string | null
  tags: string[]
  paymentMethod?: string | null
  source: ExpenseSource
  createdAt: string
  updatedAt: string
  version: number
}

export interface ExpenseInput {
  amount: string
  currency?: string
  occurredOn: string
  categoryId?: string | null
  merchant?: string | null
  note?: string | null
  tags?: string[]
  paymentMethod?: string | null
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface ExpenseFilters {
  from?: string
  to?: string
  categoryId?: string
  q?: string
  minAmount?: string
  maxAmount?: string
  tag?: string
  sort?: string
}

export interface ImportReport {
  imported: number
  duplicates: number
  errors: { line: number; message: string }[]
}

const base = '/api/v1/expenses'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

export const listExpenses = (filters: ExpenseFilters, cursor: string | null, signal?: AbortSignal) =>
  api.request<Page<Expense>>(base, { query: { ...filters, cursor, limit: 50 }, signal })

/** One expense with its ETag, to send back as If-Match when saving. Another user's id is a 404. */
export async function getExpense(id: string, signal?: AbortSignal): Promise<{ expense: Expense; etag: string | null }> {
  const { data, headers } = await api.requestWithHeaders<Expense>(one(id), { signal })
  return { expense: data, etag: headers.get('ETag') }
}

export const createExpense = (input: ExpenseInput, idempotencyKey: string) =>
  api.request<Expense>(base, { method: 'POST', json: input, headers: { 'Idempotency-Key': idempotencyKey } })

/** Reads the current ETag first, so a change made elsewhere meanwhile is refused (412) instead of overwritten. */
export async function updateExpense(id: string, input: Partial<ExpenseInput>, etag?: string | null): Promise<Expense> {
  let tag = etag
  if (!tag) tag = (await api.requestWithHeaders<Expense>(one(id))).headers.get('ETag')
  return api.request<Expense>(one(id), {
    method: 'PATCH',
    json: input,
    headers: tag ? { 'If-Match': tag } : {},
  })
}

export const deleteExpense = (id: string) => api.request<void>(one(id), { method: 'DELETE' })

export const restoreExpense = (id: string) => api.request<Expense>(`${one(id)}/restore`, { method: 'POST' })

/** Sends a CSV file; a file with bad rows answers 422 with the same report, which is returned, not thrown. */
export async function importExpenses(csv: Blob | string, dryRun: boolean): Promise<ImportReport> {
  try {
    return await api.request<ImportReport>(`${base}/import`, {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
      query: { dryRun: dryRun ? 'true' : undefined },
    })
  } catch (error) {
    const report = error instanceof ApiError && error.status === 422 ? asReport(error.body) : null
    if (report) return report
    throw error
  }
}

function asReport(body: unknown): ImportReport | null {
  if (typeof body !== 'object' || body === null) return null
  const b = body as Record<string, unknown>
  if (!Array.isArray(b.errors)) return null
  return {
    imported: typeof b.imported === 'number' ? b.imported : 0,
    duplicates: typeof b.duplicates === 'number' ? b.duplicates : 0,
    errors: b.errors
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({ line: Number(e.line) || 0, message: String(e.message ?? '') })),
  }
}

export async function exportExpenses(from?: string, to?: string): Promise<Blob> {
  const response = await api.send(`${base}/export`, { query: { format: 'csv', from, to }, headers: { Accept: 'text/csv' } })
  return response.blob()
}
