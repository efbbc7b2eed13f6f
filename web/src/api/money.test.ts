import { describe, expect, it } from 'vitest'
import { compareDecimal, formatMoney, minorUnits, validateAmount } from './money'

describe('money', () => {
  it('formats decimal strings with the currency', () => {
    expect(formatMoney('1234.50', 'USD')).toMatch(/\$1,234\.50/)
    expect(formatMoney('1200', 'JPY')).toMatch(/1,200/)
  })

  it('keeps digits a float would lose', () => {
    expect(formatMoney('90071992547409.99', 'USD')).toContain('90,071,992,547,409.99')
  })

  it('knows the minor units of a currency', () => {
    expect(minorUnits('USD')).toBe(2)
    expect(minorUnits('JPY')).toBe(0)
    expect(minorUnits('KWD')).toBe(3)
  })

  it('validates amounts against the currency', () => {
    expect(validateAmount('12.5', 'USD')).toBeNull()
    expect(validateAmount('1.234', 'KWD')).toBeNull()
    expect(validateAmount('1.2345', 'KWD')).toMatch(/at most 3 decimals/)
    expect(validateAmount('0', 'USD')).toMatch(/more than zero/)
    expect(validateAmount('-3', 'USD')).toMatch(/Enter a number/)
  })

  it('compares decimal strings exactly', () => {
    expect(compareDecimal('10.00', '10')).toBe(0)
    expect(compareDecimal('10.01', '10.1')).toBe(-1)
    expect(compareDecimal('100', '99.99')).toBe(1)
    expect(compareDecimal('-5', '3')).toBe(-1)
    expect(compareDecimal('-5', '-3')).toBe(-1)
    expect(compareDecimal('0.30', '0.3')).toBe(0)
    expect(compareDecimal('-0', '0')).toBe(0)
    expect(compareDecimal('3', '-5')).toBe(1)
    expect(compareDecimal('0', '-5')).toBe(1)
  })
})
