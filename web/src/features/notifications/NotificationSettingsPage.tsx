import { useEffect, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { useToast } from '../../components/Toast'
import {
  getNotificationSettings,
  updateNotificationSettings,
  type NotificationSettings,
  type PhoneChannel,
} from './notificationsApi'
import { PhoneVerificationForm } from './PhoneVerificationForm'

const phoneChannels: { channel: PhoneChannel; name: string }[] = [
  { channel: 'sms', name: 'SMS' },
  { channel: 'whatsapp', name: 'WhatsApp' },
]

const kindNames: Record<string, string> = {
  budgetThreshold: 'A budget passes one of its alert thresholds',
  budgetRisk: 'A budget looks likely to run out',
  unusualExpense: 'An unusual expense',
  dailyReminder: 'Daily reminder to log spending',
  upcomingPayment: 'A recurring payment is due tomorrow',
  periodDigest: 'Weekly and monthly digest',
}

export default function NotificationSettingsPage() {
  const loaded = useApi((signal) => getNotificationSettings(signal), [])
  const toast = useToast()
  const [settings, setSettings] = useState<NotificationSettings | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (loaded.data) setSettings(loaded.data)
  }, [loaded.data])

  if (!settings) {
    return (
      <section className="page">
        <h1>Notifications</h1>
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading label="Loading notification settings…" />}
      </section>
    )
  }

  const available = (channel: string) => settings.available.includes(channel)
  const deliverable = phoneChannels.filter((c) => available(c.channel))

  function toggleKind(kind: string, channel: PhoneChannel, on: boolean) {
    setSettings((current) => {
      if (!current) return current
      const channels = current.kinds[kind] ?? ['inApp']
      const next = on ? [...new Set([...channels, channel])] : channels.filter((c) => c !== channel)
      return { ...current, kinds: { ...current.kinds, [kind]: next } }
    })
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!settings) return
    setSaving(true)
    setError(null)
    try {
      const saved = await updateNotificationSettings({
        channels: { sms: { enabled: settings.channels.sms.enabled }, whatsapp: { enabled: settings.channels.whatsapp.enabled } },
        kinds: settings.kinds,
        reminders: settings.reminders,
        quietHours: settings.quietHours,
      })
      setSettings(saved)
      toast({ message: 'Notification settings saved.' })
    } catch (e) {
      setError(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="page">
      <header>
        <h1>Notification settings</h1>
        <Link to="/settings">Back to settings</Link>
      </header>
      <p>Every alert appears in the app. Outlay can also send the ones you choose by SMS or WhatsApp.</p>
      {phoneChannels.map(({ channel, name }) => (
        <section key={channel} className="card" aria-labelledby={`${channel}-title`}>
          <h2 id={`${channel}-title`}>{name}</h2>
          {!available(channel) ? (
            <p>This server has no {name} provider set up, so alerts stay in the app.</p>
          ) : settings.channels[channel].verified ? (
            <>
              <p>
                Verified number: <strong>{settings.channels[channel].phone}</strong>
              </p>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={settings.channels[channel].enabled}
                  onChange={(e) =>
                    setSettings({ ...settings, channels: { ...settings.channels, [channel]: { ...settings.channels[channel], enabled: e.target.checked } } })
                  }
                />
                Send alerts by {name}
              </label>
            </>
          ) : (
            <PhoneVerificationForm channel={channel} onVerified={setSettings} />
          )}
        </section>
      ))}
      <form className="card stack" aria-label="Notification settings" onSubmit={save}>
        {deliverable.length > 0 && (
          <table>
            <caption>What goes where (the app always shows everything)</caption>
            <thead>
              <tr>
                <th scope="col">Notification</th>
                {deliverable.map((c) => (
                  <th key={c.channel} scope="col">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.keys(kindNames).map((kind) => (
                <tr key={kind}>
                  <th scope="row">{kindNames[kind]}</th>
                  {deliverable.map((c) => (
                    <td key={c.channel}>
                      <input
                        type="checkbox"
                        aria-label={`${kindNames[kind]} by ${c.name}`}
                        checked={(settings.kinds[kind] ?? []).includes(c.channel)}
                        onChange={(e) => toggleKind(kind, c.channel, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.reminders.daily !== null}
            onChange={(e) => setSettings({ ...settings, reminders: { daily: e.target.checked ? '20:00' : null } })}
          />
          Remind me every day to log my spending
        </label>
        {settings.reminders.daily !== null && (
          <label>
            Reminder time (your time zone){' '}
            <input type="time" value={settings.reminders.daily} onChange={(e) => e.target.value && setSettings({ ...settings, reminders: { daily: e.target.value } })} />
          </label>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.quietHours !== null}
            onChange={(e) => setSettings({ ...settings, quietHours: e.target.checked ? { from: '22:00', to: '07:00' } : null })}
          />
          Quiet hours (messages wait until they end)
        </label>
        {settings.quietHours && (
          <div className="row">
            <label>
              From{' '}
              <input type="time" value={settings.quietHours.from} onChange={(e) => setSettings({ ...settings, quietHours: { ...settings.quietHours!, from: e.target.value } })} />
            </label>
            <label>
              To{' '}
              <input type="time" value={settings.quietHours.to} onChange={(e) => setSettings({ ...settings, quietHours: { ...settings.quietHours!, to: e.target.value } })} />
            </label>
          </div>
        )}
        <ErrorNotice error={error} />
        <div>
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save notification settings'}
          </button>
        </div>
      </form>
    </section>
  )
}
