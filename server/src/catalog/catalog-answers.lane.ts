import type { Lane } from '../common/http/fast-lane';
import { CatalogAnswersService } from './catalog-answers.service';
import { etagMatches } from './catalog.rules';

/**
 * The public catalogue's fast lane: GET /api/services?… and GET /api/services/:id answered straight
 * from the answers CatalogController sent and kept under their URL, while the catalogue version this
 * instance knows is that of the answer (else the full pipeline answers and keeps it anew). 304 on a
 * matching `If-None-Match`, as the controller does.
 */
export function catalogLane(answers: CatalogAnswersService): Lane {
  return (req) => {
    const url = req.url;
    if (url === undefined || !url.startsWith('/api/services')) return null;
    const hit = answers.peekUrl(url);
    if (!hit) return null;
    const route = hit.kind === 'search' ? '/api/services' : '/api/services/:id';
    if (etagMatches(req.headers['if-none-match'], hit.answer.etag)) return { status: 304, headers: hit.notModified, body: null, route };
    return { status: 200, headers: hit.headers, body: hit.answer.body, route };
  };
}
