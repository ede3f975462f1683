export default definePageConfig({
  navigationBarTitleText: '帮办代办',
  enablePullDownRefresh: true,
})
