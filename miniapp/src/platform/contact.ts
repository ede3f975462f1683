import Taro from '@tarojs/taro'

// ---- phone calls ----

/** Call a phone number: the dialer in mini-programs, a tel: link in the browser. */
export async function callPhone(phoneNumber: string): Promise<void> {
  const number = phoneNumber.replace(/[^\d+-]/g, '')
  if (!number) return
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${number}`
    return
  }
  try {
    await Taro.makePhoneCall({ phoneNumber: number })
  } catch {
    // the user cancelled
  }
}

// ---- a place on the map (the hall) ----

export interface MapPlace {
  /** GCJ-02 degrees, as Chinese map apps, wx.openLocation and my.openLocation expect */
  latitude: number
  longitude: number
  name: string
  address: string
}

/**
 * H5: the address of a map page with a marker at the place (AMap's public marker URI), to open in
 * a new tab as a plain link. Mini-programs: null (they open the platform's own map, openMap).
 */
export function mapLinkUrl(p: MapPlace): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  const q = (v: string) => encodeURIComponent(v)
  return `https://uri.amap.com/marker?position=${p.longitude},${p.latitude}&name=${q(p.name)}&src=${q('政务通')}&coordinate=gaode&callnative=1`
}

/** Show the place on the platform's map (with its navigation): Taro.openLocation in mini-programs, a new tab on H5. */
export async function openMap(p: MapPlace): Promise<void> {
  const url = mapLinkUrl(p)
  if (url) {
    window.open(url, '_blank', 'noopener')
    return
  }
  try {
    await Taro.openLocation({ latitude: p.latitude, longitude: p.longitude, name: p.name, address: p.address, scale: 16 })
  } catch {
    // the user closed the map, or the platform refused: nothing to undo
  }
}
