export default definePageConfig({
  navigationBarTitleText: '窗口登记的预约',
  enablePullDownRefresh: true,
})
