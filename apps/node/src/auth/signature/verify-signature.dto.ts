import { Allow, IsOptional, IsString } from 'class-validator';

/**
 * Nuts `SignatureVerificationRequest`. Go matches JSON keys case-insensitively, so both spellings of the
 * presentation key in use (YAML `VerifiablePresentation`, docs `verifiablePresentation`) are accepted.
 */
export class SignatureVerificationRequest {
  /** The presentation (JSON object), as the YAML spells the key. */
  @Allow()
  VerifiablePresentation?: unknown;

  /** The presentation (JSON object), as the docs spell the key. */
  @Allow()
  verifiablePresentation?: unknown;

  /** RFC 3339 moment to check the contract at; absent means now. */
  @IsOptional()
  @IsString()
  checkTime?: string;
}
