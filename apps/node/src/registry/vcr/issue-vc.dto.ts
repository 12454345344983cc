import { Allow, IsBoolean, IsDefined, IsIn, IsObject, IsOptional, IsString } from 'class-validator';

/** nuts v6 `IssueVCRequest`; `type` and `@context` (string or array) are checked by the registry. */
export class IssueVcRequest {
  @IsOptional()
  @Allow()
  '@context'?: string | string[];

  @IsDefined()
  type!: string | string[];

  @IsString()
  issuer!: string;

  @IsObject()
  credentialSubject!: Record<string, unknown>;

  /** RFC 3339 end of validity. */
  @IsOptional()
  @IsString()
  expirationDate?: string;

  /** Accepted for nuts v6 compatibility and ignored: nutshell issues short-lived credentials without a status list. */
  @IsOptional()
  @IsBoolean()
  withStatusList2021Revocation?: boolean;

  @IsOptional()
  @IsIn(['ldp_vc'])
  format?: 'ldp_vc';
}
