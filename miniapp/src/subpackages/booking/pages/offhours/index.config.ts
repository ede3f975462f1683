export default definePageConfig({
  navigationBarTitleText: '错时/预约办',
  enablePullDownRefresh: true,
})
