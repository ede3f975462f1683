export default definePageConfig({
  navigationBarTitleText: '常用补正语',
  enablePullDownRefresh: true,
})
