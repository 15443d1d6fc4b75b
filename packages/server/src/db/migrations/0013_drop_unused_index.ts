import type { Migration } from './index.ts';

/**
 * `family_documents_storage_key` (0012) serves no query: whether bytes are still named is
 * asked of `documents` (files/family-documents.ts `keyInUse`), never of the store itself,
 * whose rows each own their key. An index nobody reads only costs every write.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'drop_unused_index',
  statements: [`drop index if exists family_documents_storage_key`],
};
