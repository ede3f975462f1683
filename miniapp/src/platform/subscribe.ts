import Taro from '@tarojs/taro'

// Subscription messages (reminders): WeChat and Alipay; H5 has the in-app message centre only.

/** Whether subscribe messages can be asked for (mini-programs; H5 only has the in-app message centre). */
export const supportsSubscribeMessage = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

/** Ask for permission to send subscription messages (reminders). Resolves to the accepted template ids. */
export async function requestSubscribeMessage(templateIds: string[]): Promise<string[]> {
  if (templateIds.length === 0) return []
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as any)) as Record<string, string>
      return templateIds.filter((id) => res[id] === 'accept')
    } catch {
      return []
    }
  }
  if (process.env.TARO_ENV === 'alipay') {
    return new Promise((resolve) => {
      my.requestSubscribeMessage({
        entityIds: templateIds,
        success: (res: { subscribeEntityIds?: string[] }) => resolve(res.subscribeEntityIds ?? []),
        fail: () => resolve([]),
      })
    })
  }
  // H5: messages arrive in the in-app message centre only
  return []
}
