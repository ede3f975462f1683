import { createElement } from 'react'
import { Text, View } from '@tarojs/components'
import Tappable from '../Tappable'
import { mapLinkUrl, openMap } from '@/platform'
import './index.scss'

interface Props {
  name: string
  address: string
  latitude?: number | null
  longitude?: number | null
  /** text before the address, e.g. 地址： */
  prefix?: string
}

/**
 * A hall's address that opens the map with its navigation: the platform's map in mini-programs
 * (Taro.openLocation), a map page in a new tab on H5. Without coordinates, just the address.
 */
export default function HallLocation({ name, address, latitude, longitude, prefix = '' }: Props) {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') {
    return (
      <Text className='hall-location__text'>
        {prefix}
        {address}
      </Text>
    )
  }
  const place = { latitude, longitude, name, address }
  // the visible text is the accessible name: the address, then what tapping does
  const inner = (
    <>
      <Text className='hall-location__text'>
        {prefix}
        {address}
      </Text>
      <Text className='hall-location__go'>地图导航</Text>
    </>
  )
  const url = mapLinkUrl(place)
  if (url) {
    return createElement('a', { className: 'hall-location hall-location--link', href: url, target: '_blank', rel: 'noopener noreferrer' }, inner)
  }
  return (
    <Tappable className='hall-location' onTap={() => void openMap(place)}>
      <View>{inner}</View>
    </Tappable>
  )
}
