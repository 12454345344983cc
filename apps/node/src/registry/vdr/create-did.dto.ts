import { IsOptional, IsString } from 'class-validator';

/** nuts v6 `CreateDIDOptions` (did:web only). */
export class CreateDidRequest {
  /** Last part of the DID (`did:web:<host>:iam:<id>`); a random UUID when absent. */
  @IsOptional()
  @IsString()
  id?: string;
}
