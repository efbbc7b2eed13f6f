import { lazy, Suspense, type ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { Loading } from '../components/Loading'
import { LandingPage } from '../features/auth/LandingPage'
import { SignInPage } from '../features/auth/SignInPage'
import { SignUpPage } from '../features/auth/SignUpPage'
import { BudgetsPage } from '../features/budgets/BudgetsPage'
import { CategoriesPage } from '../features/categories/CategoriesPage'
import { ExpenseDetailPage } from '../features/expenses/ExpenseDetailPage'
import { ExpensesPage } from '../features/expenses/ExpensesPage'
import { HomePage } from '../features/home/HomePage'
import { NotificationsPage } from '../features/notifications/NotificationsPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { useAuth } from './AuthProvider'
import { Layout } from './Layout'
import { NotFoundPage } from './NotFoundPage'
import { RequireAuth } from './RequireAuth'

// Charts (ECharts), admin and SMS forwarding pages load on first visit, keeping the first page small.
const ReportsPage = lazy(() => import('../features/reports/ReportsPage'))
const AdminPage = lazy(() => import('../features/admin/AdminPage'))
const SmsForwardingPage = lazy(() => import('../features/sms/SmsForwardingPage'))
const NotificationSettingsPage = lazy(() => import('../features/notifications/NotificationSettingsPage'))

function Home() {
  const { status } = useAuth()
  if (status === 'loading') return <Loading label="Opening Outlay…" />
  return status === 'signedIn' ? <HomePage /> : <LandingPage />
}

function Signed({ children, role }: { children: ReactNode; role?: string }) {
  return (
    <RequireAuth role={role}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireAuth>
  )
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="expenses" element={<Signed><ExpensesPage /></Signed>} />
        <Route path="expenses/:id" element={<Signed><ExpenseDetailPage /></Signed>} />
        <Route path="categories" element={<Signed><CategoriesPage /></Signed>} />
        <Route path="reports" element={<Signed><ReportsPage /></Signed>} />
        <Route path="budgets" element={<Signed><BudgetsPage /></Signed>} />
        <Route path="notifications" element={<Signed><NotificationsPage /></Signed>} />
        <Route path="settings" element={<Signed><SettingsPage /></Signed>} />
        <Route path="settings/sms" element={<Signed><SmsForwardingPage /></Signed>} />
        <Route path="settings/notifications" element={<Signed><NotificationSettingsPage /></Signed>} />
        <Route path="admin" element={<Signed role="admin"><AdminPage /></Signed>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
