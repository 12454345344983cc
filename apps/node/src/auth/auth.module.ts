import { Module } from '@nestjs/common';

/** Nuts auth v1: contracts and signing sessions. */
@Module({})
export class AuthModule {}
