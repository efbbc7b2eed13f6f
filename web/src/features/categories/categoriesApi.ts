import { api } from '../../api/client'
import { useApi } from '../../api/useApi'

export interface Category {
  id: string
  name: string
  color: string | null
  icon: string | null
  isDefault: boolean
}

export interface CategoryInput {
  name: string
  color?: string
  icon?: string
}

export const listCategories = (signal?: AbortSignal) => api.request<Category[]>('/api/v1/categories', { signal })

export const createCategory = (input: CategoryInput) =>
  api.request<Category>('/api/v1/categories', { method: 'POST', json: input })

export const updateCategory = (id: string, input: Partial<CategoryInput>) =>
  api.request<Category>(`/api/v1/categories/${encodeURIComponent(id)}`, { method: 'PATCH', json: input })

export const deleteCategory = (id: string, reassignTo?: string) =>
  api.request<void>(`/api/v1/categories/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    query: { reassignTo },
  })

export function useCategories() {
  return useApi((signal) => listCategories(signal), [])
}

/** The icon when it is an emoji; icon names meant for an icon font (e.g. "cart") are left out of text. */
export function emojiIcon(category: Pick<Category, 'icon'> | undefined): string {
  const icon = category?.icon?.trim()
  return icon && /\p{Extended_Pictographic}/u.test(icon) ? `${icon} ` : ''
}
