import { randomUUID } from 'node:crypto';

/** Random, unguessable record ids: enumerating ids must reveal nothing. */
export const newId = (): string => randomUUID();
