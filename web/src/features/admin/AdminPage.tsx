import { useState } from 'react'
import { AdminUsers } from './AdminUsers'
import { SystemReport } from './SystemReport'

type Tab = 'users' | 'report'

export default function AdminPage() {
  const [tab, setTab] = useState<Tab>('users')
  return (
    <section className="page">
      <header>
        <h1>Administration</h1>
        <div className="segmented" role="group" aria-label="Admin section">
          <button type="button" aria-pressed={tab === 'users'} onClick={() => setTab('users')}>
            Users
          </button>
          <button type="button" aria-pressed={tab === 'report'} onClick={() => setTab('report')}>
            System report
          </button>
        </div>
      </header>
      <section className="card" aria-label={tab === 'users' ? 'Users' : 'System report'}>
        {tab === 'users' ? <AdminUsers /> : <SystemReport />}
      </section>
    </section>
  )
}
