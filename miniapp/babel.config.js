// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
    // per-component NutUI imports: `import { Button } from '@nutui/nutui-react-taro'`
    // becomes the component module plus its compiled CSS only.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        // adds `<component path>/style/css` (the compiled CSS, no Sass build of NutUI)
        style: 'css',
      },
      'nutui-react-taro',
    ],
  ],
}
