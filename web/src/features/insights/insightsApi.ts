import { api } from '../../api/client'

export interface Insight {
  kind: string
  severity: string
  title: string
  message: string
  data?: unknown
}

export const listInsights = (signal?: AbortSignal) => api.request<Insight[]>('/api/v1/insights', { signal })
