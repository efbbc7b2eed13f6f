import { Link } from 'react-router'
import { AccountExport, DeleteAccount } from './AccountData'
import { PasswordForm } from './PasswordForm'
import { ProfileForm } from './ProfileForm'
import { ExternalLoginsList } from './ExternalLoginsList'
import { SecurityActivity } from './SecurityActivity'
import { SessionsList } from './SessionsList'

export function SettingsPage() {
  return (
    <section className="page">
      <header>
        <h1>Settings</h1>
      </header>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile and preferences</h2>
        <ProfileForm />
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">Password</h2>
          <PasswordForm />
        </section>
        <section className="card" aria-labelledby="data-title">
          <h2 id="data-title">Your data</h2>
          <AccountExport />
        </section>
      </div>
      <section className="card" aria-labelledby="notification-settings-title">
        <h2 id="notification-settings-title">Notifications</h2>
        <p>Choose which alerts reach you by SMS or WhatsApp, and when to keep quiet.</p>
        <Link to="/settings/notifications">Notification settings</Link>
      </section>
      <section className="card" aria-labelledby="sms-title">
        <h2 id="sms-title">SMS forwarding</h2>
        <p>
          Turn the SMS your bank sends for every payment into expenses, with a forwarder app on your phone. Off until you
          turn it on.
        </p>
        <Link to="/settings/sms">Set up SMS forwarding</Link>
      </section>
      <ExternalLoginsList />
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Signed-in devices</h2>
        <SessionsList />
      </section>
      <section className="card" aria-labelledby="security-activity-title">
        <h2 id="security-activity-title">Security activity</h2>
        <SecurityActivity />
      </section>
      <section className="card danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete account</h2>
        <DeleteAccount />
      </section>
    </section>
  )
}
