/** Wire shapes of electronic certificates (电子证照; API.md, Electronic certificates) and of delivery (送达). */
import type { CertificateStatus, DeliveryMethod } from '../enums';

/**
 * One certificate as its holder sees it (GET /me/certificates, GET /certificates/:id). `holderName`
 * is masked; dates are `YYYY-MM-DD` (Asia/Shanghai); `validTo` null for a long-term certificate.
 */
export interface CertificateView {
  id: string;
  /** the kind of licence, e.g. 营业执照, 食品经营许可证 */
  type: string;
  /** the certificate's own number (证照编号) */
  number: string;
  holderName: string;
  /** the body that issued it (the service's deciding body) */
  issuedBy: string;
  issuedAt: string;
  validFrom: string;
  validTo: string | null;
  status: CertificateStatus;
  /** in effect today: status valid and not past validTo */
  valid: boolean;
  /** the code of the public verification page (QR) */
  verifyCode: string;
  /** the path of the public verification page in the mini-app / H5, with the code */
  verifyPath: string;
  /** the filing it was issued on, and its service */
  applicationId: string;
  serviceName: string;
  /** the QR code of the verification address (PNG data URL); detail only */
  qrImage?: string;
}

/**
 * GET /certificates/verify/:verifyCode (public, no token): what anyone may learn of a certificate.
 * `valid` is true only when the certificate is in effect and its signature checks.
 */
export interface CertificateVerifyView {
  valid: boolean;
  type: string;
  number: string;
  holderName: string;
  issuedBy: string;
  issuedAt: string;
  validTo: string | null;
  status: CertificateStatus;
  /** the stored content checks against the centre's SM2 public key (SM3 digest) */
  signatureValid: boolean;
  /** 国密 SM2 with SM3 */
  algorithm: string;
  /** why it is not valid, in Chinese; null when valid */
  reason: string | null;
}

/** A postal address (邮寄地址) as the applicant gives it; `phone` as people type it. */
export interface PostalAddress {
  name: string;
  phone: string;
  /** 省市区, e.g. 河南省清河市龙湖区 */
  region: string;
  detail: string;
}

/** PUT /applications/:id/delivery */
export interface DeliveryChoiceRequest {
  method: DeliveryMethod;
  /** required for `post` */
  address?: PostalAddress;
}

/**
 * The delivery of a filing's result as its applicant and staff see it: the method chosen (by the
 * applicant, or at the window), the postal address masked, the tracking number once posted, where
 * and when to collect at the window, and when it was delivered.
 */
export interface DeliveryView {
  method: DeliveryMethod;
  /** who chose it: the applicant (PUT /applications/:id/delivery) or staff at the window */
  chosenBy: 'applicant' | 'staff';
  address: PostalAddress | null;
  trackingNo: string | null;
  /** window: where and when to collect, once ready */
  pickup: null | { place: string; hours: string; readyAt: string };
  at: string | null;
}
