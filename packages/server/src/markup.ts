/**
 * Text to put in HTML or XML, in element content or a quoted attribute: the five markup
 * characters as references. The e-mails, the documentation pages, the demo payment page
 * and the PayFiP messages all escape with it.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
