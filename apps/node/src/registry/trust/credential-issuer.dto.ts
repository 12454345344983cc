import { IsNotEmpty, IsString } from 'class-validator';

/** nuts v6 `CredentialIssuer`. */
export class CredentialIssuerRequest {
  @IsString()
  @IsNotEmpty()
  issuer!: string;

  @IsString()
  @IsNotEmpty()
  credentialType!: string;
}
