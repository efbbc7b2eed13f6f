import { api } from '../../api/client'
import type { Expense } from '../expenses/expensesApi'

export type Period = 'week' | 'month' | 'year'

export interface Change {
  total: string
  /** 0–100 scale; null when the earlier period had nothing to compare with. */
  changePercent: number | null
}

export interface Summary {
  period: { start: string; end: string; label: string }
  currency: string
  total: string
  count: number
  averagePerDay: string
  previous: Change
  yearAgo: Change
  byCategory: { categoryId: string; name: string; total: string; count: number; share: number }[]
  series: { start: string; total: string }[]
  topMerchants: { merchant: string; total: string; count: number }[]
  largest: Expense[]
  otherCurrencies?: { currency: string; total: string; count: number }[]
}

export interface Trend {
  points: { start: string; total: string; byCategory: Record<string, string> }[]
}

export const getSummary = (period: Period, date: string | undefined, signal?: AbortSignal) =>
  api.request<Summary>('/api/v1/reports/summary', { query: { period, date }, signal })

export const getTrend = (
  granularity: 'week' | 'month',
  count: number,
  categoryId: string | undefined,
  signal?: AbortSignal,
) => api.request<Trend>('/api/v1/reports/trend', { query: { granularity, count, categoryId }, signal })
