import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { bookingResult, routeLabel } from './metrics.rules';
import { MetricsService } from './metrics.service';

/** Times every API request and counts it by route pattern and status, and booking outcomes, when the answer is sent. */
@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.latency.startTimer();
    res.once('finish', () => {
      const route = routeLabel(req);
      end({ method: req.method, route });
      this.metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      const booking = bookingResult(req.method, route, res.statusCode);
      if (booking) this.metrics.booking(booking);
    });
    next();
  }
}
