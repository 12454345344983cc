import { IsOptional, IsString } from 'class-validator';

/** Query of nuts v6 `searchIssuedVCs`. */
export class SearchIssuedVcsQuery {
  @IsString()
  credentialType!: string;

  @IsString()
  issuer!: string;

  @IsOptional()
  @IsString()
  subject?: string;
}
