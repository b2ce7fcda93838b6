/**
 * Messages of the camera and the photo, in both languages. Spread into
 * zh-CN.ts / en.ts; `Record<keyof typeof …ZhCN, string>` keeps the English keys identical.
 * Placeholders are written {name}.
 */
export const photoZhCN = {
  'photo.camera': '摄像头',
  'photo.cameraN': '摄像头 {n}',
  'photo.preview': '摄像头实时画面',
  'photo.guide': '请访客正对摄像头，脸部置于椭圆框内',
  'photo.starting': '正在打开摄像头…',
  'photo.capture': '拍照',
  'photo.countdown': '{n} 秒后拍照',
  'photo.fitting': '正在压缩照片…',
  'photo.retake': '重拍',
  'photo.retryCamera': '重试摄像头',
  'photo.result': '访客照片',
  'photo.info': '{kb} KB · {width}×{height} 像素',
  'photo.limit': '上限 {kb} KB',
  'photo.error.denied': '无法使用摄像头：权限被拒绝。请在系统设置中允许本应用使用摄像头，然后点「重试摄像头」',
  'photo.error.notFound': '没有找到摄像头：请连接摄像头后点「重试摄像头」',
  'photo.error.busy': '摄像头被其他程序占用：请关闭其他使用摄像头的程序后点「重试摄像头」',
  'photo.error.unsupported': '此环境不支持摄像头：请联系技术支持',
  'photo.error.generic': '摄像头出错：请点「重试摄像头」；若仍失败，请重新插拔摄像头',
  'photo.error.tooLarge': '照片压缩后仍超过 {kb} KB：请在光线均匀、背景简单的地方重拍，或在「设置」中调高照片大小上限',
  'photo.error.tooSmall': '摄像头分辨率太低（至少需要 320×240）：请换用其他摄像头',
  'photo.error.encode': '照片处理失败：请重拍',
} as const;

export const photoEn: Record<keyof typeof photoZhCN, string> = {
  'photo.camera': 'Camera',
  'photo.cameraN': 'Camera {n}',
  'photo.preview': 'Live camera image',
  'photo.guide': 'Ask the visitor to face the camera with the face inside the oval',
  'photo.starting': 'Opening the camera…',
  'photo.capture': 'Take photo',
  'photo.countdown': 'Photo in {n}',
  'photo.fitting': 'Compressing the photo…',
  'photo.retake': 'Retake',
  'photo.retryCamera': 'Retry camera',
  'photo.result': "Visitor's photo",
  'photo.info': '{kb} KB · {width}×{height} pixels',
  'photo.limit': 'limit {kb} KB',
  'photo.error.denied': 'Cannot use the camera: permission was denied. Allow this app to use the camera in the system settings, then press “Retry camera”',
  'photo.error.notFound': 'No camera found: connect a camera, then press “Retry camera”',
  'photo.error.busy': 'The camera is in use by another program: close it, then press “Retry camera”',
  'photo.error.unsupported': 'Cameras are not supported here: contact support',
  'photo.error.generic': 'Camera error: press “Retry camera”; if it fails again, unplug and reconnect the camera',
  'photo.error.tooLarge':
    'Even compressed, the photo is over {kb} KB: retake it in even light against a plain background, or raise the photo size limit in Settings',
  'photo.error.tooSmall': "The camera's resolution is too low (at least 320×240 is needed): use another camera",
  'photo.error.encode': 'The photo could not be processed: retake it',
};
