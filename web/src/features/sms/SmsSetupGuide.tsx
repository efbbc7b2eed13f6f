import { ingestUrls } from './smsApi'

/** A short version of docs/sms-forwarding.md, with this server's addresses filled in. */
export function SmsSetupGuide() {
  const urls = ingestUrls(window.location.origin, 'osms_…')

  return (
    <div className="stack guide">
      <ol>
        <li>Turn SMS forwarding on above and create a token for the phone.</li>
        <li>
          Install a forwarder app and set its filter to your bank’s sender names, so that personal messages never leave
          the phone.
        </li>
        <li>
          Point the app at <code>{urls.headerUrl}</code> (method POST) with the header{' '}
          <code>Authorization: {urls.authorization}</code>. If the app cannot set headers, use{' '}
          <code>{urls.pathUrl}</code> instead.
        </li>
        <li>Send yourself a test, or wait for the next payment: it appears in your expenses with the tag “sms”.</li>
      </ol>
      <p>
        Outlay understands the field names the common apps use, so you rarely need to change their templates: the sender
        as <code>sender</code>, <code>from</code>, <code>phone</code>, <code>number</code>, <code>contact</code> or{' '}
        <code>address</code>; the text as <code>body</code>, <code>message</code>, <code>text</code>, <code>content</code>{' '}
        or <code>msg</code>; the time as <code>receivedAt</code>, <code>receivedStamp</code>, <code>timestamp</code>,{' '}
        <code>sentStamp</code>, <code>sentAt</code> or <code>time</code> (epoch milliseconds or ISO 8601). JSON and form
        posts both work.
      </p>

      <details>
        <summary>SMS Forwarder and SMS to URL Forwarder (a webhook with a JSON template)</summary>
        <p>
          Set the URL, add the <code>Authorization</code> header if the app allows it (otherwise use the address with the
          token) and keep the app’s usual template, for example:
        </p>
        <pre className="code">{'{"from": "%from%", "text": "%text%", "sentStamp": %sentStamp%, "receivedStamp": %receivedStamp%}'}</pre>
      </details>

      <details>
        <summary>Gateway and automation apps (a “payload” envelope)</summary>
        <p>
          Apps that wrap the message, such as <code>{'{"event": "sms:received", "payload": {"sender": …, "message": …}}'}</code>,
          work unchanged: Outlay reads the SMS from <code>payload</code>.
        </p>
      </details>

      <details>
        <summary>Apps that send CloudEvents</summary>
        <p>
          CloudEvents in JSON format work unchanged: Outlay reads the SMS from the event’s <code>data</code> (for example{' '}
          <code>contact</code>, <code>content</code> and <code>timestamp</code>).
        </p>
      </details>

      <details>
        <summary>Apps that can only send a form</summary>
        <p>
          Form posts (<code>application/x-www-form-urlencoded</code>) work with the same names, for example{' '}
          <code>from</code>, <code>content</code> and <code>timestamp</code>.
        </p>
      </details>

      <details>
        <summary>iPhone: a Shortcuts automation</summary>
        <p>iOS does not let apps read SMS, but a personal automation can forward the ones you choose:</p>
        <ol>
          <li>
            Shortcuts → Automation → New Automation → Message. Sender: your bank; Message contains: optional, e.g. “spent”.
            Choose Run Immediately.
          </li>
          <li>
            Add the action Get Contents of URL: URL <code>{urls.headerUrl}</code>, method POST, header{' '}
            <code>Authorization</code> = <code>{urls.authorization}</code>, request body JSON with <code>sender</code>{' '}
            (Shortcut Input → Sender) and <code>body</code> (Shortcut Input → Content).
          </li>
        </ol>
      </details>

      <details>
        <summary>Your own script (curl, Tasker, Home Assistant)</summary>
        <pre className="code">
          {`curl -X POST ${urls.headerUrl} \\\n  -H "Authorization: ${urls.authorization}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"sender": "VM-KESTRL", "body": "Rs.1,249.00 spent on your card XX4821 at SWIGGY on 14-11-2026."}'`}
        </pre>
      </details>

      <p className="small muted">
        Every accepted message gets the answer 201 with what happened: <code>created</code> (a new expense),{' '}
        <code>duplicate</code> (already recorded) or <code>ignored</code> (with the reason). 401 means the token is wrong or
        revoked, 403 that forwarding is off, 400 that the text is missing.
      </p>
    </div>
  )
}
