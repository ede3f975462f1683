import Taro from '@tarojs/taro'

/** Taro storage that never throws (private mode, quota, corrupted values). */
export function readStorage<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined | null
    return value === '' || value === undefined || value === null ? null : value
  } catch {
    return null
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // storage full or unavailable: the value lives for this run only
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // ignore
  }
}

/** A tiny observable value: get / set / subscribe. */
export function createStore<T>(initial: T) {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: (): T => value,
    set(next: T) {
      value = next
      listeners.forEach((fn) => fn())
    },
    subscribe(fn: () => void): () => void {
      listeners.add(fn)
      return () => {
        listeners.delete(fn)
      }
    },
  }
}
