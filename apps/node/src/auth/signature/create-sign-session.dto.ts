import { IsObject, IsOptional, IsString } from 'class-validator';

/** Nuts `SignSessionRequest`. */
export class SignSessionRequest {
  /** Signing means, e.g. `dummy` (exact case). */
  @IsString()
  means!: string;

  /** The raw contract text from drawup (not base64, whatever the Nuts YAML says). */
  @IsString()
  payload!: string;

  /** Means-specific parameters; the dummy means ignores them. */
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}
