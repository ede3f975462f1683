export default definePageConfig({
  navigationBarTitleText: '企业核验',
  enablePullDownRefresh: true,
})
