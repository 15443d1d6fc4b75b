// Not in upload.ts: the pages that only download (invoices, the dashboard) would load the
// whole upload form with it.

/**
 * Hands a document the SDK fetched (with the session's credentials, which a plain link
 * would not carry) to the browser as a download named `name`.
 */
export function saveFile(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}
