import { formatPercent } from '../../api/money'

/** "▲ 12% more than last month", in words, coloured only as a hint. */
export function ChangeText({ percent, against }: { percent: number | null | undefined; against: string }) {
  if (percent === null || percent === undefined) return <span className="muted">no earlier spending to compare with</span>
  if (Math.abs(percent) < 0.5) return <span>about the same as {against}</span>
  const more = percent > 0
  return (
    <span className={more ? 'up' : 'down'}>
      <span aria-hidden="true">{more ? '▲ ' : '▼ '}</span>
      {formatPercent(Math.abs(percent))} {more ? 'more' : 'less'} than {against}
    </span>
  )
}
