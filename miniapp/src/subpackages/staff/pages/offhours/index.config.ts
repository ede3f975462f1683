export default definePageConfig({
  navigationBarTitleText: '错时预约',
  enablePullDownRefresh: true,
})
