import type { SimulatorState } from '../state';
import type { Params } from '../validation';

export interface HandlerContext {
  state: SimulatorState;
  params: Params;
  now: Date;
  /** The simulator's own base URL (`http://127.0.0.1:8030`), for photo URLs. */
  baseUrl: string;
  /** Queues a callback (`authstatus`, `UploadRecord`), posted right after the answer is sent. */
  emit(method: string, data: unknown): void;
}

/** A resultcode "1" answer. Refusals are thrown as SimRefusal. */
export interface HandlerResult {
  msg: string;
  data?: unknown;
  /** Quirk: some answers carry `appid` in place of `companyno`. */
  idField?: 'companyno' | 'appid';
}

export type Handler = (ctx: HandlerContext) => HandlerResult;
