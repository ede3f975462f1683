import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Repository } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import { visibleFiling } from '../applications/applications.access';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { AuthUser, CurrentUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { isId } from '../common/ids';
import { FileEntity } from './entities/file.entity';
import { contentDisposition } from './files.rules';
import { FilesService } from './files.service';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    private readonly access: AccessPolicy,
    private readonly service: FilesService,
  ) {}

  /** The bytes, to whoever may see the filing (applicant, their agent or company, staff of its hall); 404 to anyone else. */
  @Get(':id')
  @ApiOkResponse({ description: 'PDF, JPEG or PNG bytes' })
  async get(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    if (!isId(id)) throw new DomainError('NOT_FOUND');
    const f = await this.files.findOne({ where: { id } });
    if (!f) throw new DomainError('NOT_FOUND');
    visibleFiling(this.access, caller, await this.applications.findOne({ where: { id: f.applicationId } }));
    const body = await this.service.open(f.sha256);
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
