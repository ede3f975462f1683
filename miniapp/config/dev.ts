import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // the API runs beside the dev server; H5 calls /api on its own origin
      proxy: {
        '/api': { target: process.env.TARO_APP_DEV_API ?? 'http://127.0.0.1:3000', changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>
