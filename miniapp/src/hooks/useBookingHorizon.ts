import { useEffect, useState } from 'react'
import { DEFAULT_BOOKING_HORIZON_DAYS } from '@gov/shared'
import { configApi } from '../api/config'

let cached: number | null = null
let pending: Promise<number> | null = null

function load(): Promise<number> {
  if (!pending) {
    pending = configApi
      .get()
      .then((c) => (cached = c.bookingHorizonDays))
      .catch(() => {
        pending = null // asked again next time
        return DEFAULT_BOOKING_HORIZON_DAYS
      })
  }
  return pending
}

/**
 * How many days ahead the booking calendar offers (the server's BOOKING_HORIZON_DAYS, from
 * GET /api/config, asked once per app run). `ready` is false until the server answered (or failed:
 * then the default of 14 days stands).
 */
export function useBookingHorizon(): { days: number; ready: boolean } {
  const [days, setDays] = useState<number | null>(cached)
  useEffect(() => {
    if (cached !== null) return
    let live = true
    load().then((n) => live && setDays(n))
    return () => {
      live = false
    }
  }, [])
  return { days: days ?? DEFAULT_BOOKING_HORIZON_DAYS, ready: days !== null }
}
