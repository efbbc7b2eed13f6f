import { describe, expect, it } from 'vitest'
import { alertSummary, type Budget } from './budgetsApi'

const budget = (alertAt: number[], fired: number[]): Budget => ({
  id: 'b1',
  categoryId: null,
  period: 'month',
  amount: '200.00',
  alertAt,
  status: { spent: '170.00', remaining: '30.00', percent: 85, projected: '250.00' },
  alerts: fired.map((threshold) => ({ threshold, firedAt: '2026-11-18T10:00:00Z' })),
})

describe('alertSummary', () => {
  it('marks the thresholds that fired this period', () => {
    expect(alertSummary(budget([50, 80, 100], [50, 80]))).toBe('Alerts at 50% (sent), 80% (sent), 100%.')
  })

  it('says so when a budget has no thresholds', () => {
    expect(alertSummary(budget([], []))).toBe('No alert thresholds.')
  })
})
