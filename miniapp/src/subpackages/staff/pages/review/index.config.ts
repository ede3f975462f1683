export default definePageConfig({
  navigationBarTitleText: '办件预审',
  enablePullDownRefresh: true,
})
