export default definePageConfig({
  navigationBarTitleText: '授权委托',
  enablePullDownRefresh: true,
})
