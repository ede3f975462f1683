export default definePageConfig({
  navigationBarTitleText: '办件回访',
  enablePullDownRefresh: true,
})
