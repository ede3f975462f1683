export default definePageConfig({
  navigationBarTitleText: '新建授权',
})
