import { k30DateTime } from '../../protocol';
import type { Visitor } from '../state';
import { fieldRefusal, refusal } from '../sim-error';
import { requireAfter } from '../validation';
import { ok, pushToDevices, requireDevice, requireVisitor } from './common';
import type { Handler } from './types';

export const createVisitor: Handler = ({ state, params, now }) => {
  const staffno = params.s('staffno');
  if (!state.people.has(staffno)) throw fieldRefusal('staffno', '被访人不存在', `host not found: ${staffno}`);
  requireAfter('endtime', params.s('endtime'), 'begintime', params.s('begintime'));
  const photo = params.photo('photo');
  const visitor: Visitor = {
    no: state.nextNo(),
    name: params.s('name'),
    phone: params.s('phone'),
    staffno,
    reason: params.s('reason'),
    begintime: params.s('begintime'),
    endtime: params.s('endtime'),
    idcard: params.s('idcard'),
    carno: params.s('carno'),
    photoBytes: photo?.length ?? 0,
    photoUrl: photo ? '' : params.s('photo'),
    createdAt: k30DateTime(now),
    syncedDevices: [],
  };
  if (photo) state.photos.set(`visitors/${visitor.no}`, photo);
  state.visitors.set(visitor.no, visitor);
  return ok('新增访客成功', { no: visitor.no });
};

/** Records a sync per device (online or not) and reports each device's result by `authstatus`. */
export const syncVisitor: Handler = (ctx) => {
  const { state, params } = ctx;
  const visitor = requireVisitor(state, params.s('no'));
  const deviceNos = params.list('devicenos');
  if (!deviceNos.length) throw fieldRefusal('devicenos', '不能为空', 'devicenos is required');
  for (const no of deviceNos) requireDevice(state, no, 'devicenos');
  pushToDevices(ctx, visitor.no, deviceNos, visitor.syncedDevices, state.photos.get(`visitors/${visitor.no}`));
  return ok('下发成功');
};

/**
 * The delete order goes to every device the visitor was pushed to. Online devices drop their
 * record; if any is offline the call fails, the visitor stays, and the offline devices' records
 * stay (the order never reached them).
 */
export const deleteVisitor: Handler = ({ state, params }) => {
  const visitor = requireVisitor(state, params.s('no'));
  const offline = visitor.syncedDevices.filter((no) => state.devices.get(no)?.online === false);
  if (offline.length) {
    visitor.syncedDevices = offline;
    throw refusal('设备离线', `device offline: ${offline.join(',')}`);
  }
  state.visitors.delete(visitor.no);
  state.photos.delete(`visitors/${visitor.no}`);
  state.leaveEverywhere(`v:${visitor.no}`);
  return ok('删除成功');
};
