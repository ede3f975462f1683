export interface SlotSpec {
  hallId: string;
  /** null or absent: a slot for every service of the hall */
  serviceId?: string | null;
  /** an instant: a Date or an ISO time with its offset */
  start: Date | string;
  /** default: `minutes` after the start */
  end?: Date | string;
  /** default 30 */
  minutes?: number;
  /** default 5 */
  capacity?: number;
}

export interface SlotRequest {
  hallId: string;
  serviceId?: string | null;
  start: string;
  end: string;
  capacity: number;
}

export function slotRequest(s: SlotSpec): SlotRequest;
