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

export interface Budget {
  id: string
  categoryId: string | null
  period: Period
  amount: string
  alertAt: number[]
  status: BudgetStatus
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
