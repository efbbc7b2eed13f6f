// Amounts travel as decimal strings. They are only ever formatted, never added up here:
// Intl.NumberFormat formats a numeric string without turning it into a binary float first.

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(currency: string, compact = false): Intl.NumberFormat {
  const key = `${currency}|${compact}`
  let f = formatters.get(key)
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      })
    } catch {
      f = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 3 })
    }
    formatters.set(key, f)
  }
  return f
}

type Decimal = `${number}`

function asDecimal(amount: string | number): Decimal | number {
  if (typeof amount === 'number') return amount
  return (/^-?\d+(\.\d+)?$/.test(amount.trim()) ? amount.trim() : '0') as Decimal
}

export function formatMoney(amount: string | number, currency: string): string {
  return formatter(currency).format(asDecimal(amount))
}

export function formatMoneyCompact(amount: string | number, currency: string): string {
  return formatter(currency, true).format(asDecimal(amount))
}

/** Digits after the decimal point that the currency allows (USD 2, JPY 0, KWD 3). */
export function minorUnits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Checks an amount typed by a person; returns a message, or null when it is fine. */
export function validateAmount(input: string, currency: string): string | null {
  const value = input.trim()
  if (!value) return 'Enter an amount.'
  if (!/^\d+(\.\d+)?$/.test(value)) return 'Enter a number such as 12.50, without currency signs.'
  if (/^0+(\.0+)?$/.test(value)) return 'The amount must be more than zero.'
  const decimals = value.includes('.') ? value.split('.')[1].length : 0
  const allowed = minorUnits(currency)
  if (decimals > allowed) {
    return allowed === 0
      ? `${currency} amounts have no decimals.`
      : `${currency} amounts have at most ${allowed} decimal${allowed === 1 ? '' : 's'}.`
  }
  return null
}

export function formatPercent(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: fractionDigits }).format(value) + '%'
}

/**
 * Compares two decimal strings exactly (-1, 0, 1), digit by digit, so that "0.1" + "0.2" style
 * float errors never decide whether a budget is exceeded.
 */
export function compareDecimal(a: string, b: string): number {
  const parse = (s: string) => {
    const t = s.trim()
    const [int = '0', frac = ''] = t.replace(/^[-+]/, '').split('.')
    const digits = { int: int.replace(/^0+(?=\d)/, ''), frac: frac.replace(/0+$/, '') }
    const zero = /^0*$/.test(digits.int) && digits.frac === ''
    return { ...digits, negative: t.startsWith('-') && !zero }
  }
  const x = parse(a)
  const y = parse(b)
  if (x.negative !== y.negative) return x.negative ? -1 : 1
  const sign = x.negative ? -1 : 1
  if (x.int.length !== y.int.length) return (x.int.length > y.int.length ? 1 : -1) * sign
  if (x.int !== y.int) return (x.int > y.int ? 1 : -1) * sign
  const len = Math.max(x.frac.length, y.frac.length)
  const fx = x.frac.padEnd(len, '0')
  const fy = y.frac.padEnd(len, '0')
  if (fx === fy) return 0
  return (fx > fy ? 1 : -1) * sign
}
