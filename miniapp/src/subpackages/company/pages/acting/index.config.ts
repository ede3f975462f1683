export default definePageConfig({
  navigationBarTitleText: '为谁办理',
  enablePullDownRefresh: true,
})
