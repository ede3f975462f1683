export default definePageConfig({
  navigationBarTitleText: '迟到电话',
  enablePullDownRefresh: true,
})
