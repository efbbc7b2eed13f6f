import { describe, expect, it } from 'vitest'
import { parseServerSentEvents } from './notificationsApi'

describe('parseServerSentEvents', () => {
  it('reads complete events and keeps the unfinished rest for the next chunk', () => {
    const { events, rest } = parseServerSentEvents('event: notification\ndata: {"id":"1"}\nid: 1\n\nevent: notification\ndata: {"id"')

    expect(events).toEqual([{ event: 'notification', data: '{"id":"1"}' }])
    expect(rest).toBe('event: notification\ndata: {"id"')
  })

  it('joins repeated data lines, skips comments and accepts CRLF line ends', () => {
    const { events } = parseServerSentEvents(': keep-alive\r\n\r\ndata: first\r\ndata:second\r\n\r\n')

    expect(events).toEqual([{ event: 'message', data: 'first\nsecond' }])
  })
})
