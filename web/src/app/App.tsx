import { BrowserRouter } from 'react-router'
import { ToastProvider } from '../components/Toast'
import { AuthProvider } from './AuthProvider'
import { ProfileProvider } from './ProfileProvider'
import { AppRoutes } from './routes'

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <ProfileProvider>
          <ToastProvider>
            <AppRoutes />
          </ToastProvider>
        </ProfileProvider>
      </AuthProvider>
    </BrowserRouter>
  )
}
