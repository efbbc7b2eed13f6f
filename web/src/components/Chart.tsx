import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

/**
 * An ECharts canvas. Tooltips use `renderMode: 'richText'` (drawn on the canvas) so that no HTML with
 * inline styles is injected, which a `style-src 'self'` policy would block. The figures are always also
 * in a table next to the chart, so the canvas itself is one labelled image for screen readers.
 */
export function Chart({ option, label, className }: { option: ChartOption; label: string; className?: string }) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    const node = container.current
    if (!node) return
    const instance = echarts.init(node, undefined, { renderer: 'canvas' })
    chart.current = instance
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize())
    observer?.observe(node)
    return () => {
      observer?.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(
      {
        animationDuration: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : 400,
        textStyle: { fontFamily: 'system-ui, sans-serif' },
        ...option,
        tooltip: option.tooltip ? { renderMode: 'richText', confine: true, ...option.tooltip } : undefined,
      },
      true,
    )
  }, [option])

  return <div ref={container} className={`chart ${className ?? ''}`} role="img" aria-label={label} />
}

export const palette = ['#0f766e', '#2563eb', '#d97706', '#db2777', '#7c3aed', '#16a34a', '#dc2626', '#0891b2', '#65a30d', '#9333ea', '#ea580c', '#475569']
