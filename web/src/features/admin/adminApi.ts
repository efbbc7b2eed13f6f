import { api } from '../../api/client'
import type { Page } from '../expenses/expensesApi'
import type { Period } from '../reports/reportsApi'

/** The contract names only role and disabled; the other fields are shown when the server sends them. */
export interface AdminUser {
  id: string
  email: string
  displayName?: string | null
  role: string
  disabled: boolean
  createdAt?: string
  lastLoginAt?: string | null
}

export const listUsers = (q: string, cursor: string | null, signal?: AbortSignal) =>
  api.request<Page<AdminUser>>('/api/v1/admin/users', { query: { q, cursor, limit: 50 }, signal })

export const updateUser = (id: string, change: { role?: string; disabled?: boolean }) =>
  api.request<AdminUser>(`/api/v1/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: change })

export const getSystemSummary = (period: Period, signal?: AbortSignal) =>
  api.request<unknown>('/api/v1/admin/reports/summary', { query: { period }, signal })
