import { useRef } from 'react'
import { Field } from '../../components/Field'

/**
 * A read-only value with a Copy button. Where the clipboard is not available (it needs HTTPS or
 * localhost), the text is selected instead so that the person can copy it with their keyboard.
 */
export function CopyField({
  label,
  value,
  copyLabel,
  onCopied,
}: {
  label: string
  value: string
  copyLabel: string
  onCopied: (message: string) => void
}) {
  const input = useRef<HTMLInputElement>(null)

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      onCopied(`${label} copied.`)
    } catch {
      input.current?.focus()
      input.current?.select()
      onCopied(`${label} selected: copy it with Ctrl+C (or ⌘C).`)
    }
  }

  return (
    <div className="row">
      <Field label={label}>
        {(c) => (
          <input
            {...c}
            ref={input}
            className="secret"
            readOnly
            value={value}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.target.select()}
          />
        )}
      </Field>
      <button type="button" className="button-secondary" onClick={copy}>
        {copyLabel}
      </button>
    </div>
  )
}
