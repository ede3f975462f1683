import type { CertificateVerifyView, CertificateView } from '@gov/shared'
import { request } from './client'

/** Electronic certificates (电子证照): the wallet, one certificate with its QR, the public verification (shapes: @gov/shared). */
export type { CertificateVerifyView, CertificateView }

const id = encodeURIComponent

export const certificatesApi = {
  mine: () => request<CertificateView[]>('GET', '/api/me/certificates'),
  get: (certificateId: string) => request<CertificateView>('GET', `/api/certificates/${id(certificateId)}`),
  /** public: no sign-in */
  verify: (code: string) => request<CertificateVerifyView>('GET', `/api/certificates/verify/${id(code)}`, { auth: false }),
  pdfPath: (certificateId: string) => `/api/certificates/${id(certificateId)}/pdf`,
}
