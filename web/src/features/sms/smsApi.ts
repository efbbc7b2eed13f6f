import { api } from '../../api/client'
import type { Page } from '../expenses/expensesApi'

export interface SmsSettings {
  enabled: boolean
  /** When ingestion was last turned on; null while it is off. */
  consentedAt: string | null
  /** Whether the texts of transaction messages are kept (encrypted at rest). */
  keepMessageBodies: boolean
  /** Whether turning forwarding off deletes the stored texts: the server's operator may have chosen to keep them. */
  deletesBodiesOnDisable: boolean
}

export interface SmsToken {
  id: string
  name: string | null
  createdAt: string
  lastUsedAt: string | null
}

/** The only answer that carries the token itself: the server keeps just its hash. */
export interface CreatedSmsToken {
  id: string
  token: string
  name: string | null
  createdAt: string
}

export type SmsDirection = 'debit' | 'credit'

/** What the server's parser read from an SMS; amounts are decimal strings, `date` a calendar day. */
export interface ParsedSms {
  isTransaction: boolean
  direction: SmsDirection | null
  amount: string | null
  currency: string | null
  merchant: string | null
  accountTail: string | null
  date: string | null
  balance: string | null
  reference: string | null
  ignoredReason: string | null
}

export type SmsMessageStatus = 'created' | 'duplicate' | 'ignored'

/** One SMS a forwarder posted and what became of it; `body` only while its text is kept. */
export interface SmsMessage {
  id: string
  sender: string | null
  receivedAt: string
  status: SmsMessageStatus
  /** Why it was ignored (a code, see describeIgnoredReason). */
  reason: string | null
  /** The expense it created, or the one it repeats. */
  expenseId: string | null
  body: string | null
}

export const maxTokenNameLength = 64
export const maxSenderLength = 64
export const maxBodyLength = 2000

export const getSmsSettings = (signal?: AbortSignal) => api.request<SmsSettings>('/api/v1/me/sms-settings', { signal })

export const updateSmsSettings = (update: { enabled: boolean; keepMessageBodies?: boolean }) =>
  api.request<SmsSettings>('/api/v1/me/sms-settings', { method: 'PUT', json: update })

export const listSmsTokens = (signal?: AbortSignal) => api.request<SmsToken[]>('/api/v1/sms/tokens', { signal })

export const createSmsToken = (name: string) =>
  api.request<CreatedSmsToken>('/api/v1/sms/tokens', { method: 'POST', json: { name: name.trim() || null } })

export const revokeSmsToken = (id: string) =>
  api.request<void>(`/api/v1/sms/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' })

export const listSmsMessages = (cursor: string | null, signal?: AbortSignal) =>
  api.request<Page<SmsMessage>>('/api/v1/sms/messages', { query: { cursor, limit: 20 }, signal })

export const parseSms = (message: { sender: string; body: string }) =>
  api
    .request<{ parsed: ParsedSms }>('/api/v1/sms/parse', {
      method: 'POST',
      json: { sender: message.sender.trim() || null, body: message.body },
    })
    .then((answer) => answer.parsed)

/** The two addresses a forwarder app posts to: with the token in a header (preferred) or in the path. */
export function ingestUrls(origin: string, token: string) {
  return {
    headerUrl: `${origin}/api/v1/sms`,
    authorization: `Bearer ${token}`,
    pathUrl: `${origin}/api/v1/sms/ingest/${token}`,
  }
}

/** How a token is called on screen: its name, or when it was made. */
export function tokenLabel(token: Pick<SmsToken, 'name'>): string {
  return token.name ?? 'Unnamed token'
}

const ignoredReasons: Record<string, string> = {
  credit: 'money coming in (a credit), not spending',
  otp: 'a one-time password',
  promotion: 'a promotion',
  declined: 'a declined or failed payment',
  'future-debit': 'a notice of a payment still to come',
  reminder: 'a reminder',
  'balance-notice': 'a balance notice',
  'not-financial': 'not about money',
  'not-a-transaction': 'nothing Outlay can record',
  unreadable: 'not readable in time; try again',
  'unknown-currency': 'in a currency Outlay does not know',
  'invalid-amount': 'an amount Outlay cannot record',
  'no-category': 'no category to put it in',
}

/** The parser's reason for ignoring a message, in words (unknown codes are shown as they are). */
export function describeIgnoredReason(reason: string | null): string {
  if (!reason) return 'nothing Outlay can record'
  return ignoredReasons[reason] ?? reason
}
