export default definePageConfig({
  navigationBarTitleText: '智能导办',
  enablePullDownRefresh: true,
})
