import { IsBoolean, IsObject, IsOptional, IsString } from 'class-validator';

/** nuts v6 `VPVerificationRequest` (JSON-LD presentations only). */
export class VerifyVpRequest {
  @IsObject()
  verifiablePresentation!: Record<string, unknown>;

  /** RFC 3339 moment the presentation and its credentials must be valid at; now when absent. */
  @IsOptional()
  @IsString()
  validAt?: string;

  /** Accepted for compatibility; credentials inside are always verified (signature and validity). */
  @IsOptional()
  @IsBoolean()
  verifyCredentials?: boolean;
}
