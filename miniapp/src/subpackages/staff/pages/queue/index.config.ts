export default definePageConfig({
  navigationBarTitleText: '叫号',
  enablePullDownRefresh: true,
})
