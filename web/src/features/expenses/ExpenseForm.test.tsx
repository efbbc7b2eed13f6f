import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/errors'
import type { Category } from '../categories/categoriesApi'
import { ExpenseForm } from './ExpenseForm'

const categories: Category[] = [
  { id: 'c1', name: 'Groceries', color: '#22c55e', icon: null, isDefault: true },
  { id: 'c2', name: 'Transport', color: '#3b82f6', icon: null, isDefault: true },
]

function setup(currency = 'USD') {
  const onSubmit = vi.fn(async () => {})
  render(<ExpenseForm categories={categories} currency={currency} onSubmit={onSubmit} />)
  return { onSubmit, user: userEvent.setup() }
}

describe('ExpenseForm', () => {
  it('asks for an amount before saving', async () => {
    const { onSubmit, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Add expense' }))

    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription('Enter an amount.')
    expect(screen.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true')
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('refuses more decimals than the currency has', async () => {
    const { onSubmit, user } = setup('USD')
    await user.type(screen.getByLabelText('Amount'), '12.345')
    await user.click(screen.getByRole('button', { name: 'Add expense' }))

    expect(screen.getByText('USD amounts have at most 2 decimals.')).toBeInTheDocument()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('refuses decimals for a currency without minor units', async () => {
    const { onSubmit, user } = setup('JPY')
    await user.type(screen.getByLabelText('Amount'), '1200.5')
    await user.click(screen.getByRole('button', { name: 'Add expense' }))

    expect(screen.getByText('JPY amounts have no decimals.')).toBeInTheDocument()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('refuses text that is not a number', async () => {
    const { onSubmit, user } = setup()
    await user.type(screen.getByLabelText('Amount'), '$12')
    await user.click(screen.getByRole('button', { name: 'Add expense' }))

    expect(screen.getByText(/Enter a number such as 12.50/)).toBeInTheDocument()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('sends the amount as a string, today by default, and leaves the category to the server', async () => {
    const { onSubmit, user } = setup()
    await user.type(screen.getByLabelText('Amount'), '12.50')
    await user.type(screen.getByLabelText('Merchant'), 'Corner Café')
    expect(screen.getByLabelText('Date')).toHaveValue(new Date().toLocaleDateString('en-CA'))
    expect(screen.getByLabelText('Category')).toHaveDisplayValue('Automatic (from merchant)')

    await user.click(screen.getByRole('button', { name: 'Add expense' }))

    expect(onSubmit).toHaveBeenCalledTimes(1)
    const input = (onSubmit.mock.calls[0] as unknown[])[0]
    expect(input).toMatchObject({ amount: '12.50', merchant: 'Corner Café' })
    expect(input).not.toHaveProperty('currency')
    expect(input).not.toHaveProperty('categoryId')
    expect(screen.getByLabelText('Amount')).toHaveValue('')
  })

  it('shows the server’s field errors next to the field', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        status: 400,
        title: 'One or more validation errors occurred.',
        fieldErrors: { merchant: ['Merchant is too long.'] },
      })
    })
    render(<ExpenseForm categories={categories} currency="USD" onSubmit={onSubmit} />)
    await userEvent.type(screen.getByLabelText('Amount'), '3')
    await userEvent.click(screen.getByRole('button', { name: 'Add expense' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('One or more validation errors occurred.')
    expect(screen.getByLabelText('Merchant')).toHaveAccessibleDescription('Merchant is too long.')
  })
})
