import { BrowserRouter } from 'react-router'
import { ToastProvider } from '../components/Toast'
import { NotificationsProvider } from '../features/notifications/NotificationsProvider'
import { AuthProvider } from './AuthProvider'
import { ProfileProvider } from './ProfileProvider'
import { AppRoutes } from './routes'

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <ProfileProvider>
          <ToastProvider>
            <NotificationsProvider>
              <AppRoutes />
            </NotificationsProvider>
          </ToastProvider>
        </ProfileProvider>
      </AuthProvider>
    </BrowserRouter>
  )
}
