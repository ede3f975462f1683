// ---- desk layout (H5 in a browser on a desk) ----

const DESK_MIN_WIDTH = 768
const DESK_ROOT_FONT = '20px'
let deskScaleOn = false
const applyDeskFont = () => {
  if (!deskScaleOn || typeof document === 'undefined') return
  if (window.innerWidth >= DESK_MIN_WIDTH) {
    document.documentElement.style.fontSize = DESK_ROOT_FONT
    document.documentElement.classList.add('gov-desk')
  } else {
    document.documentElement.classList.remove('gov-desk')
  }
}

/**
 * Staff and admin pages on a desk: H5 scales rem with the window (up to 2× at 750 px and wider),
 * which makes a desk screen look like a giant phone. While enabled on a wide window, keep the
 * 375-px design at 1× and mark <html> with .gov-desk. No-op in mini-programs.
 */
function applyDeskLayout(enabled: boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  if (enabled === deskScaleOn) return
  deskScaleOn = enabled
  if (enabled) {
    window.addEventListener('resize', applyDeskFont)
    applyDeskFont()
  } else {
    window.removeEventListener('resize', applyDeskFont)
    document.documentElement.classList.remove('gov-desk')
    // let Taro's own rem script size the page again
    window.dispatchEvent(new Event('resize'))
  }
}

/** The desk pages now on screen: the desk layout holds while any of them is shown. */
const deskOwners = new Set<object>()

/**
 * A desk page (staff, admin, the staff sign-in) is shown (`true`) or hidden / gone (`false`).
 * Counted per page, so that the order in which one desk page leaves and the next arrives (a
 * redirect, a reLaunch to the staff sign-in) never drops the layout; it ends only when no desk page
 * is shown, e.g. after a staff member opens a citizen page.
 */
export function setDeskLayout(owner: object, shown: boolean): void {
  if (shown) deskOwners.add(owner)
  else deskOwners.delete(owner)
  applyDeskLayout(deskOwners.size > 0)
}
