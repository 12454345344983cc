import { IsObject, IsOptional, IsString } from 'class-validator';

/** Nuts `DrawUpContractRequest`. Formats of validFrom (RFC 3339) and validDuration (Go) are checked with Nuts texts. */
export class DrawUpContractRequest {
  /** `BehandelaarLogin` (NL) or `PractitionerLogin` (EN). */
  @IsString()
  type!: string;

  /** `NL` or `EN`, exact case. */
  @IsString()
  language!: string;

  /** `v1` or `v3`; empty or absent means v3. */
  @IsOptional()
  @IsString()
  version?: string;

  /** DID of the organization the contract is drawn up for. */
  @IsString()
  legalEntity!: string;

  /** RFC 3339 start of validity; absent means now. */
  @IsOptional()
  @IsString()
  validFrom?: string;

  /** Go duration (e.g. `1h30m`); absent or zero means the configured default. */
  @IsOptional()
  @IsString()
  validDuration?: string;

  /** A NutsOrganizationCredential to take name and city from (verified by the registry). */
  @IsOptional()
  @IsObject()
  organizationCredential?: Record<string, unknown>;
}
