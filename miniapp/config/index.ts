import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { AssetManifestPlugin } from './asset-manifest-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Build configuration for every target (weapp, alipay, h5).
 *
 * Environment (shell or miniapp/.env, .env.production, … — Taro reads TARO_APP_* from them):
 *   TARO_APP_API_BASE       API origin for the mini-programs, e.g. https://gov.example.cn
 *                           (H5 always calls its own origin: paths start with /api).
 *   TARO_APP_WEAPP_APPID    WeChat app id written to dist/weapp/project.config.json
 *   TARO_APP_ALIPAY_APPID   Alipay app id written to dist/alipay/mini.project.json
 *   ZWT_OUTPUT_ROOT         another output folder than dist/ (with its own webpack cache), so that
 *                           two builds may run side by side, e.g. ZWT_OUTPUT_ROOT=dist-staff
 */
const PLACEHOLDER_APPID = {
  weapp: 'touristappid',
  alipay: '2021000000000000',
} as const

export default defineConfig<'webpack5'>(async (merge) => {
  const taroEnv = process.env.TARO_ENV ?? 'h5'

  // Taro writes process.env.TARO_APP_ID into the generated project file of the platform.
  if (!process.env.TARO_APP_ID) {
    if (taroEnv === 'weapp') {
      process.env.TARO_APP_ID = process.env.TARO_APP_WEAPP_APPID || PLACEHOLDER_APPID.weapp
    } else if (taroEnv === 'alipay') {
      process.env.TARO_APP_ID = process.env.TARO_APP_ALIPAY_APPID || PLACEHOLDER_APPID.alipay
    }
  }

  const outputRoot = process.env.ZWT_OUTPUT_ROOT || 'dist'
  const apiBase = taroEnv === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhengwutong',
    date: '2025-11-23',
    // Our styles and NutUI are both drawn at 375 px: 1px → 2rpx in mini-programs, rem on H5.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2 / 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // `@/x` is miniapp/src/x (same as tsconfig.json paths); `@gov/shared` has no slash after @ and is untouched
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    outputRoot: `${outputRoot}/${taroEnv}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      // persistent webpack cache (node_modules/.cache); keyed on the config files and output folder
      enable: true,
      name: `${outputRoot}-${taroEnv}-${process.env.NODE_ENV ?? 'production'}`,
    },
    sass: {
      // every .scss starts with this line: the theme's tokens and building blocks (src/styles/_theme.scss)
      // without an import of its own; a stylesheet that emits a shared partial adds `@use '@/styles/…'`
      data: "@use '@/styles/theme' as *;\n",
    },
    mini: {
      optimizeMainPackage: { enable: true },
      // page CSS is scoped by class names; the NutUI icon/button order warning is noise
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // React implementations of View/Input/Button: real <div>/<input>/<button> elements
      // (accessible names pass through; Playwright's fill works; no web-component runtime).
      useHtmlComponents: true,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks: code shared by the lazily loaded pages (API client,
        // stores, NutUI, @gov/shared) would be copied into every page chunk. Put it in one
        // async chunk instead, loaded with the first page.
        const split = chain.optimization.get('splitChunks') || {}
        chain.optimization.splitChunks({
          ...split,
          cacheGroups: {
            ...(split.cacheGroups || {}),
            pageCommon: {
              name: 'page-common',
              chunks: 'async',
              minChunks: 2,
              priority: 5,
              reuseExistingChunk: true,
              enforce: true,
            },
          },
        })
        chain.plugin('gov-asset-manifest').use(AssetManifestPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
