import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // keep the H5 bundle lean; source maps are not shipped
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
