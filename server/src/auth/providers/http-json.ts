import { DomainError } from '../../common/errors/domain-error';

/** A JSON call to an outside service; network faults and 5xx become UNAVAILABLE. */
export async function fetchJson<T>(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 5000) });
  } catch {
    throw new DomainError('UNAVAILABLE', '外部服务暂时不可用，请稍后再试');
  }
  if (res.status >= 500) throw new DomainError('UNAVAILABLE', '外部服务暂时不可用，请稍后再试');
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DomainError('UNAVAILABLE', '外部服务返回了无法识别的内容');
  }
}
