import { useMemo, useState, type FormEvent } from 'react'
import { ApiError } from '../../api/errors'
import { useProfile } from '../../app/ProfileProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import { updateMe, type Profile, type WeekStart } from './profileApi'

function supported(key: 'timeZone' | 'currency', fallback: string[]): string[] {
  try {
    return Intl.supportedValuesOf(key)
  } catch {
    return fallback
  }
}

export function ProfileForm() {
  const { profile } = useProfile()
  if (!profile) return <Loading label="Loading your profile…" />
  return <ProfileFormFields key={profile.id + profile.timeZone + profile.currency} profile={profile} />
}

function ProfileFormFields({ profile }: { profile: Profile }) {
  const { setProfile } = useProfile()
  const toast = useToast()
  const [displayName, setDisplayName] = useState(profile.displayName ?? '')
  const [timeZone, setTimeZone] = useState(profile.timeZone)
  const [currency, setCurrency] = useState(profile.currency)
  const [weekStart, setWeekStart] = useState<WeekStart>(profile.weekStart)
  const [monthStartDay, setMonthStartDay] = useState(String(profile.monthStartDay))
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const timeZones = useMemo(() => {
    const list = supported('timeZone', ['UTC'])
    return list.includes(profile.timeZone) ? list : [profile.timeZone, ...list]
  }, [profile.timeZone])
  const currencies = useMemo(() => {
    const names = new Intl.DisplayNames(undefined, { type: 'currency' })
    const list = supported('currency', ['EUR', 'GBP', 'INR', 'JPY', 'USD'])
    return (list.includes(profile.currency) ? list : [profile.currency, ...list]).map((code) => ({
      code,
      name: names.of(code) ?? code,
    }))
  }, [profile.currency])

  async function submit(event: FormEvent) {
    event.preventDefault()
    const day = Number(monthStartDay)
    if (!Number.isInteger(day) || day < 1 || day > 28) {
      setError(new ApiError({ status: 400, title: 'Check the form', fieldErrors: { monthStartDay: ['Choose a day from 1 to 28.'] } }))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const updated = await updateMe({ displayName: displayName.trim(), timeZone, currency, weekStart, monthStartDay: day })
      setProfile(updated)
      toast({ message: 'Profile saved.' })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const messages = (f: string) => (error instanceof ApiError ? error.errorsFor(f) : [])
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Profile">
      <ErrorNotice error={error} shownFields={['displayName', 'timeZone', 'currency', 'weekStart', 'monthStartDay']} />
      <p className="muted small">Signed in as {profile.email}.</p>
      <div className="row">
        <Field label="Display name" errors={messages('displayName')}>
          {(c) => <input {...c} maxLength={80} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <Field label="Time zone" errors={messages('timeZone')} hint="Decides which day an expense falls on.">
          {(c) => (
            <select {...c} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {timeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label="Currency" errors={messages('currency')} hint="Reports and budgets use this currency.">
          {(c) => (
            <select {...c} value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {currencies.map((cur) => (
                <option key={cur.code} value={cur.code}>
                  {cur.code} — {cur.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Week starts on" errors={messages('weekStart')}>
          {(c) => (
            <select {...c} value={weekStart} onChange={(e) => setWeekStart(e.target.value as WeekStart)}>
              <option value="monday">Monday</option>
              <option value="sunday">Sunday</option>
            </select>
          )}
        </Field>
        <Field label="Month starts on day" errors={messages('monthStartDay')} hint="For pay-day months, e.g. 25.">
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={28}
              value={monthStartDay}
              onChange={(e) => setMonthStartDay(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  )
}
