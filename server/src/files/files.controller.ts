import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../common/auth/auth.decorators';
import { contentDisposition } from './files.rules';
import { FilesService } from './files.service';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly service: FilesService) {}

  /** The bytes, to whoever may see the filing (applicant, their agent or company, staff of its hall); 404 to anyone else. */
  @Get(':id')
  @ApiOkResponse({ description: 'PDF, JPEG or PNG bytes' })
  async get(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { file: f, body } = await this.service.download(caller, id);
    res.setHeader('Content-Type', f.contentType);
    res.setHeader('Content-Length', String(f.size));
    res.setHeader('Content-Disposition', contentDisposition(f.name));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"${f.sha256}"`);
    body.on('error', () => res.destroy());
    body.pipe(res);
  }
}
