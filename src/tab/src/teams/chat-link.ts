/**
 * A Teams deep link that opens a chat with the given people, a message drafted in the compose box (Teams creates the
 * chat only when the person sends it). Teams names participants by their sign-in address (UPN) only. Encoded with
 * encodeURIComponent (spaces as %20, as Microsoft's examples do; a form-encoded "+" would reach the compose box as is).
 */
export function chatDeepLink(addresses: readonly string[], message: string): string | null {
  if (addresses.length === 0) return null;
  const users = addresses.map(encodeURIComponent).join(',');
  return `https://teams.microsoft.com/l/chat/0/0?users=${users}&message=${encodeURIComponent(message)}`;
}
