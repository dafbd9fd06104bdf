import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule } from 'better-auth-entities/nest';
import { createAuth, entities } from './auth';
import { AdminController } from './admin.controller';
import { ProfileController } from './profile.controller';

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'better-sqlite3', database: process.env.SQLITE_FILE ?? ':memory:', entities }),
    // The factory receives the DataSource TypeOrmModule opened: auth and the app share one pool.
    AuthModule.forRootAsync({ inject: [DataSource], useFactory: (dataSource: DataSource) => createAuth(dataSource) }),
  ],
  controllers: [ProfileController, AdminController],
})
export class AppModule {}
