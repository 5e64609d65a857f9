/** Who is calling, as proven at the edge (Teams SSO token, or the local-mode member picker). */
export interface Caller {
  tenantId: string;
  /** AAD object id. */
  userId: string;
  name: string;
}
