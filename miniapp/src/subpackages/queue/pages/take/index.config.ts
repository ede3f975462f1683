export default definePageConfig({
  navigationBarTitleText: '取号',
})
