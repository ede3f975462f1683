export default defineAppConfig({
  pages: ['pages/index/index', 'pages/services/index', 'pages/me/index', 'pages/login/index', 'pages/not-found/index'],
  subPackages: [
    {
      root: 'subpackages/account',
      pages: ['pages/verify/index', 'pages/close/index'],
    },
    {
      root: 'subpackages/guide',
      pages: ['pages/list/index', 'pages/detail/index'],
    },
    {
      root: 'subpackages/booking',
      pages: [
        'pages/book/index',
        'pages/detail/index',
        'pages/mine/index',
        'pages/waitlist/index',
        'pages/offhours/index',
        'pages/offhours-new/index',
        'pages/no-shows/index',
      ],
    },
    {
      root: 'subpackages/applications',
      pages: ['pages/new/index', 'pages/detail/index', 'pages/mine/index', 'pages/lookup/index'],
    },
    {
      root: 'subpackages/certificates',
      pages: ['pages/mine/index', 'pages/detail/index', 'pages/verify/index'],
    },
    {
      root: 'subpackages/company',
      pages: [
        'pages/index/index',
        'pages/create/index',
        'pages/detail/index',
        'pages/members/index',
        'pages/authorizations/index',
        'pages/authorize/index',
        'pages/acting/index',
      ],
    },
    {
      root: 'subpackages/ratings',
      pages: ['pages/rate/index', 'pages/mine/index'],
    },
    {
      root: 'subpackages/messages',
      pages: ['pages/index/index', 'pages/privacy/index'],
    },
    {
      root: 'subpackages/staff',
      pages: [
        'pages/login/index',
        'pages/index/index',
        'pages/bookings/index',
        'pages/offhours/index',
        'pages/filings/index',
        'pages/review/index',
        'pages/appeals/index',
        'pages/rectifications/index',
        'pages/follow-ups/index',
        'pages/enterprises/index',
        'pages/search/index',
        'pages/queue/index',
        'pages/late/index',
        'pages/registered/index',
        'pages/overtime/index',
        'pages/consultations/index',
        'pages/assistance/index',
        'pages/supervision/index',
      ],
    },
    {
      root: 'subpackages/admin',
      pages: ['pages/stats/index', 'pages/schedule/index', 'pages/phrases/index', 'pages/guidance/index'],
    },
    {
      root: 'subpackages/guidance',
      pages: ['pages/index/index', 'pages/topic/index', 'pages/consultations/index', 'pages/assistance/index'],
    },
    {
      root: 'subpackages/bundles',
      pages: ['pages/detail/index'],
    },
    {
      root: 'subpackages/queue',
      pages: ['pages/take/index', 'pages/ticket/index', 'pages/screen/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1d4ed8',
    navigationBarTitleText: '政务通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#4b5563',
    selectedColor: '#1d4ed8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
})
