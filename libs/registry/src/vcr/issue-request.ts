/** A request to issue a credential: nuts v6 `IssueVCRequest` (ldp_vc only; revocation options are ignored). */
export interface IssueRequest {
  readonly '@context'?: string | readonly string[];
  readonly type: string | readonly string[];
  readonly issuer: string;
  readonly credentialSubject: { readonly id?: string; readonly [term: string]: unknown };
  /** RFC 3339 moment the credential stops being valid. */
  readonly expirationDate?: string;
}
