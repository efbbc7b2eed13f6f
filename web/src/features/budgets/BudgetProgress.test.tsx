import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { BudgetProgress } from './BudgetProgress'
import type { Budget } from './budgetsApi'

const budget = (status: Budget['status']): Budget => ({
  id: 'b1',
  categoryId: null,
  period: 'month',
  amount: '300.00',
  alertAt: [50, 80, 100],
  status,
  alerts: [],
})

describe('BudgetProgress', () => {
  it('says how much is left and warns when the projection exceeds the budget', () => {
    render(
      <BudgetProgress
        budget={budget({ spent: '170.34', remaining: '129.66', percent: 56.78, projected: '357.71' })}
        name="All spending"
        currency="USD"
      />,
    )
    expect(screen.getByRole('progressbar', { name: 'All spending: 57% of the budget used' })).toHaveAttribute('value', '56.78')
    expect(screen.getByText(/\$170.34 of \$300.00 spent/)).toBeInTheDocument()
    expect(screen.getByText('$129.66 left.')).toBeInTheDocument()
    expect(screen.getByText(/\$357.71 by the end of the month — more than the budget/)).toBeInTheDocument()
  })

  it('says by how much a budget is overspent', () => {
    render(
      <BudgetProgress
        budget={budget({ spent: '320.10', remaining: '-20.10', percent: 106.7, projected: '400.00' })}
        name="Groceries"
        currency="USD"
      />,
    )
    expect(screen.getByText('Over by $20.10.')).toBeInTheDocument()
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '100')
  })
})
