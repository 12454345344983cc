import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString } from 'class-validator';

/** nuts v6 `CreateVPRequest` (ldp_vp, proof purpose authentication). */
export class CreateVpRequest {
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  verifiableCredentials!: Array<Record<string, unknown>>;

  /** Signing DID; derived from the credentials' single subject when absent. */
  @IsOptional()
  @IsString()
  signerDID?: string;

  /** Presentation types besides VerifiablePresentation. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  type?: string[];

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  '@context'?: string[];

  @IsOptional()
  @IsIn(['authentication'])
  proofPurpose?: 'authentication';

  /** Required here (nuts makes it optional): a presentation without one can be replayed anywhere. */
  @IsString()
  challenge!: string;

  @IsOptional()
  @IsString()
  domain?: string;

  @IsOptional()
  @IsIn(['ldp_vp'])
  format?: 'ldp_vp';
}
