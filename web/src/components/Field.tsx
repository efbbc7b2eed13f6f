import { useId, type ReactNode } from 'react'

export interface ControlProps {
  id: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

interface Props {
  label: string
  errors?: string[] | string | null
  hint?: ReactNode
  className?: string
  children: (control: ControlProps) => ReactNode
}

/** A visible label, the control, a hint and its error messages, all tied together for assistive technology. */
export function Field({ label, errors, hint, className, children }: Props) {
  const id = useId()
  const list = errors == null ? [] : Array.isArray(errors) ? errors : [errors]
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = list.length ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field ${className ?? ''} ${list.length ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': list.length ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
      {errorId && (
        <div id={errorId} className="field-error">
          {list.join(' ')}
        </div>
      )}
    </div>
  )
}
