/** Error codes of the HTTP contract (API.md, Errors). `code` is for programs, `message` for people. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_ID_NUMBER',
  'INVALID_CREDIT_CODE',
  'UNAUTHENTICATED',
  'INVALID_CODE',
  'FORBIDDEN',
  'REAL_NAME_REQUIRED',
  'BOOKING_FORFEITED',
  'AUTHORIZATION_INVALID',
  'NOT_FOUND',
  'SLOT_FULL',
  'HALL_CLOSED',
  'SLOT_NOT_BOOKABLE',
  'DUPLICATE_BOOKING',
  'CANCEL_TOO_LATE',
  'NOTICE_TOO_SHORT',
  'INVALID_STATE',
  'NOTICE_LOCKED',
  'ALREADY_RATED',
  'CONFLICT',
  'AUDIENCE_MISMATCH',
  'NOTHING_CORRECTED',
  'FILE_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE_TYPE',
  'MATERIALS_MISSING',
  'SEPARATION_OF_DUTIES',
  'MATERIALS_OUTSTANDING',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error answer. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** Default Chinese messages, used when the server has nothing more specific to say. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  INVALID_ID_NUMBER: '身份证号码校验不通过，请核对',
  INVALID_CREDIT_CODE: '统一社会信用代码校验不通过，请核对',
  UNAUTHENTICATED: '请先登录',
  INVALID_CODE: '验证码错误或已失效',
  FORBIDDEN: '无权进行此操作',
  REAL_NAME_REQUIRED: '请先完成实名认证',
  BOOKING_FORFEITED: '因爽约次数过多，暂停预约资格',
  AUTHORIZATION_INVALID: '授权委托无效或不在授权范围内',
  NOT_FOUND: '未找到相关内容',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  HALL_CLOSED: '服务中心已关闭该时段，请选择其他时段',
  SLOT_NOT_BOOKABLE: '该时段不可预约',
  DUPLICATE_BOOKING: '您当天已预约过该事项',
  CANCEL_TOO_LATE: '预约已开始，无法取消',
  NOTICE_TOO_SHORT: '错时预约需至少提前一个工作日申请',
  INVALID_STATE: '当前状态下不能进行此操作',
  NOTICE_LOCKED: '一次性告知后只能要求补正已告知或已更换的材料',
  ALREADY_RATED: '您已评价过',
  CONFLICT: '数据已存在或有冲突',
  AUDIENCE_MISMATCH: '该事项的服务对象与申请人不符（个人事项不能以企业名义办理，企业事项须以企业名义办理）',
  NOTHING_CORRECTED: '一次性告知要求补正的材料尚未更改，请补正后再提交',
  FILE_TOO_LARGE: '文件过大',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_FILE_TYPE: '仅支持 PDF、JPG、PNG 文件',
  MATERIALS_MISSING: '还有必需材料未上传',
  SEPARATION_OF_DUTIES: '受审分离：受理该办件的工作人员不能对其作出审批决定',
  MATERIALS_OUTSTANDING: '容缺受理承诺补交的材料尚未补齐，不能作出准予决定或送达',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  UNAVAILABLE: '服务暂时不可用，请稍后再试',
  HEADERS_TOO_LARGE: '请求头过大，请清除浏览器缓存或 Cookie 后重试',
  REQUEST_TIMEOUT: '请求超时，请重试',
};
