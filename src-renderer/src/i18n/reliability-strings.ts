/**
 * Messages of the reliability features (unknown outcomes, abandoned registrations and their report,
 * unproven removals, disk trouble), kept beside the main dictionaries and spread into them
 * (zh-CN.ts / en.ts), so both languages keep identical keys. Placeholders are written {name}.
 */
export const reliabilityZhCN = {
  'status.ledger.corrupt-kept': '本地访客记录文件已损坏，且磁盘只读，无法另存：本机暂以空记录运行，不会覆盖原文件。请联系管理员恢复。',
  'status.ledgerUnwritable': '无法在本机保存访客记录（{disk}）：在恢复之前，新的变更不会保存。',
  'status.unsaved': '{name}：K30 上已是「{state}」（访客编号 {no}），但本机尚未保存；每隔几秒自动重试保存，保存前不会对此访客再发送任何操作。',
  'status.unprovenRemovals': '服务器应答未经校验（应答签名策略不是「严格」）：无法证明访客已从门禁删除，请在 K30 软件中核对。',
  'disk.full': '磁盘已满',
  'disk.read-only': '磁盘只读或无写入权限',
  'disk.other': '磁盘错误',
  'error.notSavedState': 'K30 上已是「{state}」，但本机尚未保存：本机会自动重试保存，请检查磁盘',
  'result.notSavedTitle': '已在 K30 登记，但本机尚未保存',
  'result.againConfirmTitle': '重新登记这位访客？',
  'result.againConfirmBody':
    '第一次登记可能已经到达 K30。重新登记后，K30 上可能有两位相同的访客；多出的一位不会下发到门禁，但需要 K30 管理员在 K30 软件中删除。',
  'result.againConfirmOk': '仍然重新登记',
  'result.abandonConfirmTitle': '放弃这次登记？',
  'result.abandonConfirmBody':
    '本机将放弃这次登记，不再发送。K30 上可能留有一位未下发到门禁的访客：这次登记会列入「已放弃登记」报表，供 K30 管理员清理。已填写的信息会保留。',
  'result.abandoned': '已放弃这次登记。K30 上可能留有一位未下发的访客，已列入「已放弃登记」报表。已填写的信息仍然保留。',
  'visits.abandonedReport': '导出已放弃登记（{count}）',
  'visits.abandonedReportFile': '已放弃登记',
  'report.col.visitId': '本机登记号',
  'report.col.name': '访客姓名',
  'report.col.phone': '手机（部分隐藏）',
  'report.col.document': '证件号（部分隐藏）',
  'report.col.host': '被访人',
  'report.col.begin': '开始时间',
  'report.col.end': '结束时间',
  'report.col.registeredAt': '登记时间',
  'report.col.abandonedAt': '放弃时间',
  'settings.answersUnverified': '注意：此服务器的应答未能通过签名或时间校验。若改为「警告」策略，将无法证明访客已从门禁删除。',
  'history.removal-rescheduled': '删除重新排期（系统时钟回拨）',
} as const;

export const reliabilityEn = {
  'status.ledger.corrupt-kept':
    'The local visit records file is damaged, and the disk is read-only so it could not be set aside: the app runs with no records for now and never writes over the file. Please contact the administrator to recover it.',
  'status.ledgerUnwritable': 'Visit records cannot be saved on this computer ({disk}): until this is fixed, changes are not kept.',
  'status.unsaved':
    '{name}: K30 is at “{state}” (visitor number {no}), but this computer has not saved it yet; saving is retried every few seconds, and nothing more is sent for this visitor until then.',
  'status.unprovenRemovals':
    'Answers from the K30 server are not verified (the answer signature policy is not "strict"): removals cannot be proven. Check them in the K30 software.',
  'disk.full': 'the disk is full',
  'disk.read-only': 'the disk is read-only or not writable',
  'disk.other': 'a disk error',
  'error.notSavedState': 'K30 is at “{state}”, but this computer has not saved it yet: saving is retried on its own, check the disk',
  'result.notSavedTitle': 'Registered on K30, but not yet saved on this computer',
  'result.againConfirmTitle': 'Register this visitor again?',
  'result.againConfirmBody':
    'The first registration may have reached K30. After registering again, K30 may hold this visitor twice; the extra one is not pushed to any door, but the K30 admin has to delete it in the K30 software.',
  'result.againConfirmOk': 'Register again anyway',
  'result.abandonConfirmTitle': 'Abandon this registration?',
  'result.abandonConfirmBody':
    'This computer gives up this registration and sends nothing more. K30 may keep an unpushed visitor for it: the registration is listed in the “abandoned registrations” report for the K30 admin to clean up. The details you entered are kept.',
  'result.abandoned':
    'This registration was abandoned. K30 may keep an unpushed visitor for it; it is listed in the “abandoned registrations” report. The details you entered are kept.',
  'visits.abandonedReport': 'Export abandoned registrations ({count})',
  'visits.abandonedReportFile': 'abandoned-registrations',
  'report.col.visitId': 'Visit id',
  'report.col.name': 'Visitor name',
  'report.col.phone': 'Phone (masked)',
  'report.col.document': 'Document (masked)',
  'report.col.host': 'Host',
  'report.col.begin': 'Begins',
  'report.col.end': 'Ends',
  'report.col.registeredAt': 'Registered at',
  'report.col.abandonedAt': 'Abandoned at',
  'settings.answersUnverified':
    'Note: this server\'s answers did not pass the signature or time check. With the "warn" policy, removals from the doors cannot be proven.',
  'history.removal-rescheduled': 'Removal rescheduled (clock moved back)',
} satisfies Record<keyof typeof reliabilityZhCN, string>;
