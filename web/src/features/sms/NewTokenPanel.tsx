import { useState } from 'react'
import { CopyField } from './CopyField'
import { ingestUrls, tokenLabel, type CreatedSmsToken } from './smsApi'

/** The token just created, with both ways to use it. It lives only in memory: leaving the page drops it. */
export function NewTokenPanel({ token, onDone }: { token: CreatedSmsToken; onDone: () => void }) {
  const [copied, setCopied] = useState('')
  const urls = ingestUrls(window.location.origin, token.token)

  return (
    <section className="notice stack" aria-labelledby="new-token-title">
      <h3 id="new-token-title">New token “{tokenLabel(token)}”</h3>
      <p>
        <strong>Copy it now: it is shown only this once.</strong> Outlay keeps only a fingerprint of it and cannot show it
        again. If you lose it, revoke it and create another.
      </p>
      <CopyField label="Token" value={token.token} copyLabel="Copy token" onCopied={setCopied} />

      <div className="stack-tight">
        <h4>If the app can set headers (preferred)</h4>
        <p className="small">Send a POST to this address with the header below.</p>
      </div>
      <CopyField label="Address" value={urls.headerUrl} copyLabel="Copy address" onCopied={setCopied} />
      <CopyField label="Authorization header" value={urls.authorization} copyLabel="Copy header" onCopied={setCopied} />

      <div className="stack-tight">
        <h4>If the app cannot set headers</h4>
        <p className="small">
          Send a POST to this address, which has the token in it. Treat the whole address as a password: addresses end
          up in browser histories, proxy logs and screenshots.
        </p>
      </div>
      <CopyField label="Address with the token" value={urls.pathUrl} copyLabel="Copy address with the token" onCopied={setCopied} />

      <p role="status" className="small">
        {copied}
      </p>
      <div>
        <button type="button" onClick={onDone}>
          Done, I have saved it
        </button>
      </div>
    </section>
  )
}
