export default definePageConfig({
  navigationBarTitleText: '办事事项',
  enablePullDownRefresh: true,
})
