import { Allow, IsOptional, IsString } from 'class-validator';

// One of the two presentation keys is needed (the docs spelling wins when both come); the controller answers 400
// when neither does, so the OpenAPI document marks neither as required.

/**
 * Nuts `SignatureVerificationRequest`. Go matches JSON keys case-insensitively, so both spellings of the
 * presentation key in use (YAML `VerifiablePresentation`, docs `verifiablePresentation`) are accepted.
 */
export class SignatureVerificationRequest {
  /** The presentation (JSON object), as the YAML spells the key. */
  @IsOptional()
  @Allow()
  VerifiablePresentation?: unknown;

  /** The presentation (JSON object), as the docs spell the key. */
  @IsOptional()
  @Allow()
  verifiablePresentation?: unknown;

  /** RFC 3339 moment to check the contract at; absent means now. */
  @IsOptional()
  @IsString()
  checkTime?: string;
}
