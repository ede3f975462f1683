export default definePageConfig({
  navigationBarTitleText: '延时服务登记',
  enablePullDownRefresh: true,
})
