export default definePageConfig({
  navigationBarTitleText: '申请错时/预约办',
  enablePullDownRefresh: true,
})
