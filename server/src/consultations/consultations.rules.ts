import { dueAt, IsWorkday } from '../calendar/calendar.rules';

/**
 * When a question asked at `askedAt` must be answered: the end (24:00 Asia/Shanghai) of the first
 * working day after the day it was asked, by the official calendar with its 调休 (新郑 五(一)2⑴②:
 * 咨询 answered within one working day; the day of asking is not counted, like acceptance).
 */
export const answerDeadline = (askedAt: Date, isWorkday: IsWorkday): Date => dueAt(askedAt, 1, isWorkday);

/** An open question past its deadline: the supervisor's business. */
export const isOverdue = (c: { status: string; answerBy: Date }, now: Date): boolean => c.status === 'open' && c.answerBy.getTime() < now.getTime();

/** A question as quoted in a message: its first 30 characters, then `…`. */
export const questionExcerpt = (question: string): string => (question.length > 30 ? `${question.slice(0, 30)}…` : question);
