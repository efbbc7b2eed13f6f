import { useCallback, useEffect, useEffectEvent, useState, type DependencyList } from 'react'

export interface ApiState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
  setData: (update: T | ((current: T | undefined) => T | undefined)) => void
}

/** Loads data when the dependencies change, cancelling the previous load. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [version, setVersion] = useState(0)
  const runLoad = useEffectEvent(load)

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    setError(null)
    runLoad(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return
        setData(result)
        setLoading(false)
      },
      (e: unknown) => {
        if (controller.signal.aborted) return
        setError(e)
        setLoading(false)
      },
    )
    return () => controller.abort()
  }, [...deps, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, loading, reload, setData }
}
