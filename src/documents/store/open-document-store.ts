import type { Config } from '../../config/load-config.js';
import { DirectoryDocumentStore } from './directory-document-store.js';
import type { DocumentStore } from './document-store.js';
import { S3DocumentStore } from './s3-document-store.js';

// One store per configuration: an S3 client holds a connection pool, worth sharing.
const opened = new WeakMap<Config, DocumentStore>();

/** The configured store (ACCORD_DOCUMENT_STORE): the data directory or an S3-compatible bucket. */
export function openDocumentStore(config: Config): DocumentStore {
  let store = opened.get(config);
  if (!store) {
    const c = config.documentStore;
    store =
      c.kind === 's3'
        ? new S3DocumentStore({
            endpoint: c.endpoint,
            bucket: c.bucket,
            region: c.region,
            credentials: c.credentials,
            forcePathStyle: c.forcePathStyle,
          })
        : new DirectoryDocumentStore(config.dataDir);
    opened.set(config, store);
  }
  return store;
}
