import { useEffect, useId, useState } from 'react'
import type { Strength } from './passwordStrength'

const words = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong']

/** Password byte length as the server counts it (bcrypt's limit is 72 UTF-8 bytes). */
export function passwordProblem(password: string): string | null {
  const bytes = new TextEncoder().encode(password).length
  if (bytes < 8) return 'Use at least 8 characters.'
  if (bytes > 72) return 'Use at most 72 bytes (fewer characters if you use accents or emoji).'
  return null
}

export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const [strength, setStrength] = useState<Strength | null>(null)
  const labelId = useId()
  const inputsKey = userInputs.join('\n')

  useEffect(() => {
    if (!password) {
      setStrength(null)
      return
    }
    let cancelled = false
    const timer = setTimeout(() => {
      import('./passwordStrength').then(({ measure }) => {
        if (!cancelled) setStrength(measure(password, inputsKey ? inputsKey.split('\n') : []))
      })
    }, 150)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [password, inputsKey])

  if (!password) return null
  const score = strength?.score ?? 0
  return (
    <div className={`strength strength-${score}`} aria-live="polite">
      <span id={labelId} className="small">
        Password strength: <strong>{strength ? words[score] : 'checking…'}</strong>
      </span>
      <meter aria-labelledby={labelId} min={0} max={4} low={2} high={3} optimum={4} value={score} />
      {strength?.warning && <p className="small">{strength.warning}</p>}
      {strength && strength.suggestions.length > 0 && (
        <ul className="small">
          {strength.suggestions.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
