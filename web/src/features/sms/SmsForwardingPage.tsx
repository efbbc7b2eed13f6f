import { Link } from 'react-router'
import { useApi } from '../../api/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { SmsConsent } from './SmsConsent'
import { SmsRecentMessages } from './SmsRecentMessages'
import { SmsSetupGuide } from './SmsSetupGuide'
import { SmsTokens } from './SmsTokens'
import { SmsTryMessage } from './SmsTryMessage'
import { getSmsSettings } from './smsApi'

export default function SmsForwardingPage() {
  const settings = useApi((signal) => getSmsSettings(signal), [])

  return (
    <section className="page">
      <header>
        <h1>SMS forwarding</h1>
        <Link to="/settings">Back to settings</Link>
      </header>
      <p>
        Let a forwarder app on your phone send your bank’s payment messages to Outlay, and they become expenses with the
        amount, merchant and date already filled in.
      </p>
      <section className="card" aria-labelledby="sms-consent-title">
        <h2 id="sms-consent-title">Forwarding</h2>
        <ErrorNotice error={settings.error} />
        {settings.loading && !settings.data && <Loading label="Loading SMS settings…" />}
        {settings.data && <SmsConsent settings={settings.data} onChange={settings.setData} />}
      </section>
      <section className="card" aria-labelledby="sms-tokens-title">
        <h2 id="sms-tokens-title">Ingest tokens</h2>
        <SmsTokens forwardingOn={settings.data?.enabled} />
      </section>
      <section className="card" aria-labelledby="sms-messages-title">
        <h2 id="sms-messages-title">Recent messages</h2>
        {/* Loaded again after a settings change, which may have deleted the kept texts. */}
        {settings.data && <SmsRecentMessages key={`${settings.data.enabled}/${settings.data.keepMessageBodies}`} />}
      </section>
      <section className="card" aria-labelledby="sms-guide-title">
        <h2 id="sms-guide-title">Set up your phone</h2>
        <SmsSetupGuide />
      </section>
      <section className="card" aria-labelledby="sms-try-title">
        <h2 id="sms-try-title">Try a message</h2>
        <SmsTryMessage />
      </section>
    </section>
  )
}
