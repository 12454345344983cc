import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** nuts v6 `VCVerificationOptions`. */
export class VerificationOptions {
  @IsOptional()
  @IsBoolean()
  allowUntrustedIssuer?: boolean;
}

/** nuts v6 `VCVerificationRequest`. */
export class VerifyVcRequest {
  @IsObject()
  verifiableCredential!: Record<string, unknown>;

  @IsOptional()
  @ValidateNested()
  @Type(() => VerificationOptions)
  verificationOptions?: VerificationOptions;
}
