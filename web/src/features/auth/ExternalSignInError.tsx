import { useEffect, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'

/** The query parameter the API adds when it sends the browser back after a failed provider sign-in. */
export const externalErrorParam = 'externalError'

interface Message {
  title: string
  detail: string
}

// One entry per code the API's external sign-in can send (Auth/External on the server).
const messages: Record<string, Message> = {
  'provider-failed': {
    title: 'Sign-in with your provider did not complete.',
    detail: 'It was cancelled, or the provider’s answer could not be confirmed. Please try again.',
  },
  'no-pending-sign-in': {
    title: 'Your sign-in took too long or was already used.',
    detail: 'Please start again from this page.',
  },
  'email-not-verified': {
    title: 'Your provider did not confirm your email address.',
    detail: 'Verify your email address with the provider, or sign in another way.',
  },
  'account-exists': {
    title: 'An account with this email address already exists.',
    detail: 'Sign in with your password, then link this provider under Settings to use it next time.',
  },
  'signups-closed': {
    title: 'There is no account for you yet, and sign-ups are closed.',
    detail: 'Ask the person who runs this Outlay server to create one for you.',
  },
  'account-disabled': {
    title: 'This account is disabled.',
    detail: 'Ask the person who runs this Outlay server if you think this is a mistake.',
  },
  'concurrent-sign-in': {
    title: 'Another sign-in finished at the same moment.',
    detail: 'Please sign in again.',
  },
}

const unknown: Message = {
  title: 'Sign-in with your provider did not work.',
  detail: 'Please try again, or sign in another way.',
}

/**
 * Explains why a provider sign-in sent the browser back here, then takes the code out of the address bar so a
 * reload or a bookmark does not show it again.
 */
export function ExternalSignInError() {
  const location = useLocation()
  const navigate = useNavigate()
  const [code] = useState(() => new URLSearchParams(location.search).get(externalErrorParam))

  useEffect(() => {
    const params = new URLSearchParams(location.search)
    if (!params.has(externalErrorParam)) return
    params.delete(externalErrorParam)
    const search = params.toString()
    // The router's replace is history.replaceState, and keeps the router's idea of the URL in step with it.
    navigate(
      { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
      { replace: true, state: location.state },
    )
  }, [location, navigate])

  if (code === null) return null
  const message = Object.hasOwn(messages, code) ? messages[code] : unknown
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{message.title}</p>
      <p>{message.detail}</p>
    </div>
  )
}
