/**
 * Saves a Blob as a file the user downloads: a temporary `<a download>`. No navigation happens
 * (the app allows none) and the CSP is not involved (a download is not a fetch).
 */
function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the URL is only needed for the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text the page made (a CSV) as a download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(fileName, new Blob([text], { type }));
}

/** Saves a file main made (Base64) as a download. */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  saveBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mime }));
}

/** A chosen file as Base64 (for main to read). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** YYYY-MM-DD of a local date. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
