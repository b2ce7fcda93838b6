/**
 * The photo retake (issue #15 item 5): a door refused the visitor's photo, reception takes a new
 * one and the visit is registered again with it. Spread into zh-CN.ts / en.ts. Placeholders are {name}.
 */
export const retakeZhCN = {
  'retake.refusedAt': '门禁「{door}」拒收了访客照片。门禁给出的原因：{reason}',
  'retake.explain': 'K30 不能修改已登记访客的照片：重拍后，系统用新照片重新登记该访客（同一被访人、结束时间和门禁），新访客下发成功后再删除旧访客。',
  'retake.button': '重拍照片',
  'retake.title': '为「{name}」重拍照片',
  'retake.send': '用新照片重新登记',
  'retake.sending': '正在重新登记…',
  'retake.cancel': '取消',
  'retake.needReason': '照片未通过检查：请填写接受的理由，或重拍。',
  'retake.done': '已用新照片重新登记并下发，旧访客已从 K30 删除。',
  'retake.donePending': '已用新照片重新登记并下发；旧访客暂时删除失败，系统会自动重试（见「待删除」）。',
  'retake.doneOldKept': '新访客已登记，但未能下发到门禁，旧访客保留：请打开新访客重新下发。',
  'retake.openNew': '查看新访客',
  'history.photo-retake': '重拍照片',
  'history.detail.retakeNew': '已用新照片重新登记为新访客（{state}）',
  'history.detail.retakeFailed': '用新照片重新登记未成功，本访客保留。服务器返回：{message}',
} as const;

export const retakeEn: Record<keyof typeof retakeZhCN, string> = {
  'retake.refusedAt': 'The door “{door}” refused the visitor’s photo. The door’s reason: {reason}',
  'retake.explain':
    'K30 cannot change the photo of a registered visitor: after a retake the visitor is registered again with the new photo (same host, end time and doors), and the old visitor is deleted once the new one is pushed.',
  'retake.button': 'Retake photo',
  'retake.title': 'Retake the photo of “{name}”',
  'retake.send': 'Register again with this photo',
  'retake.sending': 'Registering again…',
  'retake.cancel': 'Cancel',
  'retake.needReason': 'The photo failed a check: give a reason for accepting it, or retake it.',
  'retake.done': 'Registered again with the new photo and pushed; the old visitor was deleted from K30.',
  'retake.donePending':
    'Registered again with the new photo and pushed; deleting the old visitor failed for now and is retried automatically (see “Removal pending”).',
  'retake.doneOldKept': 'The new visitor is registered but could not be pushed to the doors, so the old visitor is kept: open the new visit and push it again.',
  'retake.openNew': 'Open the new visit',
  'history.photo-retake': 'Photo retaken',
  'history.detail.retakeNew': 'Registered again as a new visitor with the new photo ({state})',
  'history.detail.retakeFailed': 'Registering again with the new photo did not succeed; this visitor is kept. The server said: {message}',
};
