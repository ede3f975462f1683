export default definePageConfig({
  navigationBarTitleText: '爽约申诉',
  enablePullDownRefresh: true,
})
