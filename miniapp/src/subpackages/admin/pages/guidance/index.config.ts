export default definePageConfig({
  navigationBarTitleText: '智能导办主题',
  enablePullDownRefresh: true,
})
