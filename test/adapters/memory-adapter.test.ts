import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { describeAdapterConformance } from 'better-auth-entities/testing';

describeAdapterConformance('memory', (entities) => new MemoryDatabaseAdapter(entities));
