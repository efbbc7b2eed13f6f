import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { authResult, fakeFetch, json, problem } from '../../test/fakeFetch'
import { ImportPanel } from './ImportPanel'

const csv = () => new File(['date,amount,currency,category,merchant,note\n2025-01-02,10,USD,,Shop,\n'], 'spend.csv', { type: 'text/csv' })

beforeEach(() => api.accept(authResult('t1')))
afterEach(() => {
  api.clear()
  vi.unstubAllGlobals()
})

describe('ImportPanel', () => {
  it('shows the per-line report of a file with bad rows and does not offer to import it', async () => {
    const fake = fakeFetch({
      'POST /api/v1/expenses/import': problem(422, 'The file has errors', {
        imported: 0,
        duplicates: 0,
        errors: [
          { line: 3, message: 'Not a date.' },
          { line: 7, message: 'Unknown currency XYZ.' },
        ],
      }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    render(<ImportPanel onImported={() => {}} onClose={() => {}} />)

    await userEvent.upload(screen.getByLabelText('CSV file'), csv())
    await userEvent.click(screen.getByRole('button', { name: 'Check file' }))

    const table = await screen.findByRole('table', { name: /Problems by line/ })
    expect(table).toHaveTextContent('3Not a date.')
    expect(table).toHaveTextContent('7Unknown currency XYZ.')
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled()
    const call = fake.calls[0]
    expect(call.url).toContain('dryRun=true')
    expect(call.headers['content-type']).toBe('text/csv')
  })

  it('previews a clean file, then imports it for real', async () => {
    const fake = fakeFetch({
      'POST /api/v1/expenses/import': json({ imported: 2, duplicates: 1, errors: [] }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    const onImported = vi.fn()
    render(<ImportPanel onImported={onImported} onClose={() => {}} />)

    await userEvent.upload(screen.getByLabelText('CSV file'), csv())
    await userEvent.click(screen.getByRole('button', { name: 'Check file' }))
    expect(await screen.findByText(/2 expenses to import, 1 already recorded/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Import 2 expenses' }))

    expect(onImported).toHaveBeenCalledWith({ imported: 2, duplicates: 1, errors: [] })
    expect(fake.calls[1].url).not.toContain('dryRun')
  })
})
