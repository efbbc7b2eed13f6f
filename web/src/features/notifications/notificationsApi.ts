import { api } from '../../api/client'

export type NotificationKind =
  | 'budgetThreshold'
  | 'budgetRisk'
  | 'unusualExpense'
  | 'dailyReminder'
  | 'upcomingPayment'
  | 'periodDigest'
  | 'channelDisabled'

export interface Delivery {
  channel: string
  status: string
  error?: string | null
  updatedAt: string
}

export interface AppNotification {
  id: string
  kind: NotificationKind
  title: string
  message: string
  data: Record<string, unknown>
  createdAt: string
  readAt: string | null
  deliveries: Delivery[]
}

export interface NotificationPage {
  items: AppNotification[]
  nextCursor: string | null
  unreadCount: number
}

const base = '/api/v1/notifications'

export const listNotifications = (query: { cursor?: string | null; unread?: boolean; limit?: number }, signal?: AbortSignal) =>
  api.request<NotificationPage>(base, { query: { cursor: query.cursor ?? undefined, unread: query.unread, limit: query.limit }, signal })
export const markNotificationRead = (id: string) => api.request<void>(`${base}/${encodeURIComponent(id)}/read`, { method: 'POST' })
export const markAllNotificationsRead = () => api.request<void>(`${base}/read-all`, { method: 'POST' })

export interface ServerSentEvent {
  event: string
  data: string
}

/**
 * Splits Server-Sent Events text into complete events and the unfinished rest (events end with a blank line).
 * Only what Outlay sends is read: `event`, `data` (joined by newlines when repeated) and comments.
 */
export function parseServerSentEvents(text: string): { events: ServerSentEvent[]; rest: string } {
  const events: ServerSentEvent[] = []
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n')
  const rest = blocks.pop() ?? ''
  for (const block of blocks) {
    let event = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line.length === 0) continue
      const colon = line.indexOf(':')
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') event = value
      else if (field === 'data') data.push(value)
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') })
  }
  return { events, rest }
}

/**
 * Reads the live stream until it ends or `signal` aborts, calling `onNotification` for each new one. It goes
 * through the API client (EventSource cannot send the access token), so a stale token is refreshed first.
 */
export async function streamNotifications(onNotification: (notification: AppNotification) => void, signal: AbortSignal) {
  const response = await api.send(`${base}/stream`, { signal, headers: { Accept: 'text/event-stream' } })
  if (!response.ok || !response.body) throw new Error(`The notification stream answered ${response.status}.`)
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let pending = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    const { events, rest } = parseServerSentEvents(pending + value)
    pending = rest
    for (const event of events) {
      if (event.event === 'notification') onNotification(JSON.parse(event.data) as AppNotification)
    }
  }
}

export type PhoneChannel = 'sms' | 'whatsapp'

export interface NotificationSettings {
  channels: Record<PhoneChannel, { enabled: boolean; phone: string | null; verified: boolean }>
  kinds: Record<string, string[]>
  reminders: { daily: string | null }
  quietHours: { from: string; to: string } | null
  available: string[]
}

export interface NotificationSettingsInput {
  channels: Record<PhoneChannel, { enabled: boolean }>
  kinds: Record<string, string[]>
  reminders: { daily: string | null }
  quietHours: { from: string; to: string } | null
}

const settingsBase = '/api/v1/me/notification-settings'

export const getNotificationSettings = (signal?: AbortSignal) => api.request<NotificationSettings>(settingsBase, { signal })
export const updateNotificationSettings = (input: NotificationSettingsInput) =>
  api.request<NotificationSettings>(settingsBase, { method: 'PUT', json: input })
export const startPhoneVerification = (channel: PhoneChannel, phone: string) =>
  api.request<void>(`${settingsBase}/verification`, { method: 'POST', json: { channel, phone } })
export const confirmPhoneVerification = (channel: PhoneChannel, code: string) =>
  api.request<NotificationSettings>(`${settingsBase}/verification/confirm`, { method: 'POST', json: { channel, code } })
