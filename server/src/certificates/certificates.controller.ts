import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CertificateVerifyView, CertificateView } from '@gov/shared';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Public } from '../common/auth/auth.decorators';
import { sendPdf } from '../files/pdf-response';
import { CertificatesService } from './certificates.service';

/** 电子证照: the holder's wallet, the printable certificate, and the public verification page. */
@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @ApiBearerAuth()
  @Get('me/certificates')
  mine(@CurrentUser() caller: AuthUser): Promise<CertificateView[]> {
    return this.certificates.mine(caller);
  }

  /** Public, no token: validity, masked holder and whether the signature checks. */
  @Public()
  @Get('certificates/verify/:verifyCode')
  verify(@Param('verifyCode') code: string): Promise<CertificateVerifyView> {
    return this.certificates.verify(code);
  }

  @ApiBearerAuth()
  @Get('certificates/:id')
  get(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<CertificateView> {
    return this.certificates.get(caller, id);
  }

  @ApiBearerAuth()
  @Get('certificates/:id/pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async pdf(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.certificates.pdf(caller, id));
  }
}
