/**
 * Text made safe inside HTML, in element content and in quoted attribute values: `& < > " '` become numeric character
 * references. Used by the pages the server writes itself (the sandbox calendar, the local meeting page).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
