/**
 * Messages of the self-service kiosk's consent-first flow and its honest done screen, and the
 * settings they depend on (the data controller's name). Spread into zh-CN.ts / en.ts.
 */
export const kioskZhCN = {
  'selfService.consent.controllerTitle': '谁负责您的信息',
  'selfService.consent.controller': '{company}（本访客登记终端的运营方）',
  'selfService.consent.controllerUnset': '本访客登记终端的运营单位（详情请问前台）',
  'selfService.consent.whatList': '姓名、手机号、证件类型和证件号码、车牌号（选填）、来访事由（选填）、您要拜访的人，以及一张人脸照片。',
  'selfService.consent.whyNotify': '在您本次来访期间为您开启门禁，并通知您的被访人。',
  'selfService.consent.whyDoors': '在您本次来访期间为您开启门禁。',
  'selfService.consent.noPhoto': '不想拍照？前台可以为您办理登记，不需要人脸照片。',
  'selfService.consent.noPhotoButton': '不拍照，去前台办理',
  'selfService.reception.no-photo': '您选择了不拍照，我们没有记录任何信息。自助登记需要人脸照片，前台工作人员可以用其他方式为您办理登记。',
  'selfService.done.title': '登记成功',
  'selfService.done.waitReception': '请到前台等候，并告诉工作人员您要拜访{host}。',
  'selfService.done.notifying': '我们正在通知{host}，请在此稍候。',
  'settings.companyName': '单位名称（个人信息负责方）',
  'settings.companyNameHint': '显示在自助登记的个人信息说明中',
  'settings.error.companyName': '最多 {max} 个字符',
} as const;

export const kioskEn: Record<keyof typeof kioskZhCN, string> = {
  'selfService.consent.controllerTitle': 'Who is responsible for your data',
  'selfService.consent.controller': '{company} (who runs this visitor kiosk)',
  'selfService.consent.controllerUnset': 'The organisation that runs this visitor kiosk (ask at reception for details)',
  'selfService.consent.whatList':
    'Your name, mobile number, ID type and number, car plate (optional), reason for the visit (optional), the person you are visiting, and a photo of your face.',
  'selfService.consent.whyNotify': 'To let you through the doors during this visit, and to tell the person you are visiting that you are here.',
  'selfService.consent.whyDoors': 'To let you through the doors during this visit.',
  'selfService.consent.noPhoto': 'Rather not have a photo taken? Reception can register you without one.',
  'selfService.consent.noPhotoButton': 'No photo: see reception',
  'selfService.reception.no-photo':
    'You chose not to have a photo taken, and nothing has been kept. The kiosk needs a face photo; reception staff can register you another way.',
  'selfService.done.title': 'You are registered',
  'selfService.done.waitReception': 'Please wait at reception and tell the staff you are visiting {host}.',
  'selfService.done.notifying': 'We are letting {host} know you are here. Please wait here.',
  'settings.companyName': 'Organisation name (responsible for visitor data)',
  'settings.companyNameHint': 'Shown on the self-service kiosk’s data notice',
  'settings.error.companyName': 'At most {max} characters',
};
