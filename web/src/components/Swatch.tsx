/** A colour dot drawn with an SVG attribute, so it needs no inline style (CSP style-src 'self'). */
export function Swatch({ color, size = 12 }: { color: string | null | undefined; size?: number }) {
  return (
    <svg className="swatch" width={size} height={size} viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <circle cx="5" cy="5" r="5" fill={color || '#94a3b8'} />
    </svg>
  )
}
