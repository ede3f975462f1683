export default definePageConfig({
  navigationBarTitleText: '查找',
  enablePullDownRefresh: true,
})
