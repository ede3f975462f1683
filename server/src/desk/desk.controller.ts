import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { PhraseDto, PhraseUpdateDto, SearchQuery } from './dto/phrase.dto';
import { PhrasesService, PhraseView } from './phrases.service';
import { DeskSearchResult, DeskSearchService } from './search.service';

/** The staff desk: one search box and the stock correction phrases. */
@ApiTags('staff')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('staff')
export class DeskController {
  constructor(
    private readonly searcher: DeskSearchService,
    private readonly phrases: PhrasesService,
  ) {}

  /** Bookings and filings of the caller's hall by filing number, booking code, applicant name or phone tail. */
  @Get('search')
  search(@CurrentUser() caller: AuthUser, @Query() q: SearchQuery): Promise<DeskSearchResult> {
    return this.searcher.search(caller, q.q);
  }

  /** 常用补正语, in their order. */
  @Get('phrases')
  list(): Promise<PhraseView[]> {
    return this.phrases.list();
  }
}

/** Admins keep the stock correction phrases. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/phrases')
export class AdminPhrasesController {
  constructor(private readonly phrases: PhrasesService) {}

  @Get()
  list(): Promise<PhraseView[]> {
    return this.phrases.list();
  }

  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: PhraseDto): Promise<PhraseView> {
    return this.phrases.create(caller, body);
  }

  @Put(':id')
  update(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: PhraseUpdateDto): Promise<PhraseView> {
    return this.phrases.update(caller, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<void> {
    return this.phrases.remove(caller, id);
  }
}
