import { api } from '../../api/client'
import type { Category } from '../categories/categoriesApi'
import type { Period } from '../reports/reportsApi'

export interface BudgetStatus {
  spent: string
  /** Negative when overspent. */
  remaining: string
  /** 0–100 scale (can exceed 100). */
  percent: number
  /** Spend expected by the end of the period at the current pace. */
  projected: string
}

export interface BudgetAlert {
  threshold: number
  firedAt: string
}

export interface Budget {
  id: string
  categoryId: string | null
  period: Period
  amount: string
  alertAt: number[]
  status: BudgetStatus
  /** The thresholds that have fired in the current period. */
  alerts: BudgetAlert[]
}

/** "Alerts at 50%, 80% (sent), 100%." for a budget's thresholds and which of them fired this period. */
export function alertSummary(budget: Budget): string {
  if (budget.alertAt.length === 0) return 'No alert thresholds.'
  const fired = new Set((budget.alerts ?? []).map((a) => a.threshold))
  return `Alerts at ${budget.alertAt.map((a) => (fired.has(a) ? `${a}% (sent)` : `${a}%`)).join(', ')}.`
}

export interface BudgetInput {
  categoryId: string | null
  period: Period
  amount: string
  alertAt: number[]
}

const base = '/api/v1/budgets'

export const listBudgets = (signal?: AbortSignal) => api.request<Budget[]>(base, { signal })
export const createBudget = (input: BudgetInput) => api.request<Budget>(base, { method: 'POST', json: input })
export const updateBudget = (id: string, input: Partial<BudgetInput>) =>
  api.request<Budget>(`${base}/${encodeURIComponent(id)}`, { method: 'PATCH', json: input })
export const deleteBudget = (id: string) => api.request<void>(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' })

export function budgetName(budget: Budget, categories: Category[]): string {
  if (!budget.categoryId) return 'All spending'
  return categories.find((c) => c.id === budget.categoryId)?.name ?? 'Category'
}
