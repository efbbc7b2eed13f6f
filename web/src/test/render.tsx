import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { AuthProvider } from '../app/AuthProvider'
import { ProfileProvider } from '../app/ProfileProvider'
import { ToastProvider } from '../components/Toast'

function LocationProbe() {
  const location = useLocation()
  return <output data-testid="location">{location.pathname}</output>
}

/** Renders a page with the app's providers at a URL; a probe shows where navigation ended up. */
export function renderWithApp(ui: ReactElement, { route = '/', path = '*' }: { route?: string; path?: string } = {}) {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <AuthProvider>
        <ProfileProvider>
          <ToastProvider>
            <Routes>
              <Route path={path} element={ui} />
              <Route path="*" element={null} />
            </Routes>
            <LocationProbe />
          </ToastProvider>
        </ProfileProvider>
      </AuthProvider>
    </MemoryRouter>,
  )
}
