import { useState, type FormEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { importExpenses, type ImportReport } from './expensesApi'

const maxBytes = 10 * 1024 * 1024

export function ImportPanel({ onImported, onClose }: { onImported: (report: ImportReport) => void; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportReport | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'check' | 'import' | null>(null)

  async function check(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    if (file.size > maxBytes) {
      setError(new Error('The file is larger than 10 MiB. Split it into smaller files.'))
      return
    }
    setBusy('check')
    setError(null)
    setPreview(null)
    try {
      setPreview(await importExpenses(file, true))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  async function runImport() {
    if (!file) return
    setBusy('import')
    setError(null)
    try {
      const report = await importExpenses(file, false)
      if (report.errors.length > 0) setPreview(report)
      else onImported(report)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  const canImport = preview !== null && preview.errors.length === 0 && preview.imported > 0

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import expenses from CSV</h2>
      <p className="muted small">
        Columns: <code>date,amount,currency,category,merchant,note</code> with a header row — the same format as the
        export. Outlay checks the whole file first; nothing is saved until you confirm, and a file with any bad row
        imports nothing.
      </p>
      <form className="stack" onSubmit={check}>
        <Field label="CSV file">
          {(c) => (
            <input
              {...c}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                setPreview(null)
                setError(null)
              }}
            />
          )}
        </Field>
        <div className="row">
          <button type="submit" disabled={!file || busy !== null}>
            {busy === 'check' ? 'Checking…' : 'Check file'}
          </button>
          <button type="button" disabled={!canImport || busy !== null} onClick={runImport}>
            {busy === 'import' ? 'Importing…' : canImport ? `Import ${preview.imported} expenses` : 'Import'}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      <ErrorNotice error={error} />
      {preview && <ImportReportView report={preview} />}
    </section>
  )
}

function ImportReportView({ report }: { report: ImportReport }) {
  if (report.errors.length === 0) {
    return (
      <p className="notice" role="status">
        Ready: {report.imported} {report.imported === 1 ? 'expense' : 'expenses'} to import
        {report.duplicates > 0 ? `, ${report.duplicates} already recorded (skipped)` : ''}.
      </p>
    )
  }
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">
        {report.errors.length} {report.errors.length === 1 ? 'line needs' : 'lines need'} fixing; nothing was imported.
      </p>
      <div className="table-wrap">
        <table>
          <caption>Problems by line (the header is line 1)</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.line}-${e.message}`}>
                <td className="num">{e.line}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
