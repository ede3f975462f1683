export default definePageConfig({
  navigationBarTitleText: '办件',
  enablePullDownRefresh: true,
})
