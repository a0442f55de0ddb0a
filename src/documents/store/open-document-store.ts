import type { Config } from '../../config/load-config.js';
import { DirectoryDocumentStore } from './directory-document-store.js';
import type { DocumentStore } from './document-store.js';

/** The configured store: the data directory (an S3-compatible store is a later option). */
export function openDocumentStore(config: Config): DocumentStore {
  return new DirectoryDocumentStore(config.dataDir);
}
