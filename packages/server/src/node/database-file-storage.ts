import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { fileBlobChunks, fileBlobs } from '../db/schema.ts';
import { assertStorageKey, type FileStorage } from '../files/storage.ts';

/** Rows of this many bytes: a 5 MB file is 20 rows, and neither side ever holds it whole. */
const DEFAULT_CHUNK_BYTES = 256 * 1024;

export interface DatabaseFileStorage extends FileStorage {
  /**
   * Deletes the files whose writing never finished (the process stopped mid-upload) and
   * that started more than `olderThanSeconds` ago (default one hour); returns how many.
   */
  purgeIncomplete(olderThanSeconds?: number): Promise<number>;
}

/**
 * Uploaded files in the database (`file_blobs`, `file_blob_chunks`): every instance
 * behind a load balancer reads what any of them received. Works on any drizzle
 * PostgreSQL database (node-postgres or PGlite). Writing streams the body into rows of
 * `chunkBytes` (no transaction is held while the client sends); the file is readable
 * only once its last chunk is in (`completed_at`). A failed stream deletes what was
 * written; a stopped process leaves an incomplete file that `purgeIncomplete` removes.
 * Reading streams the rows one at a time.
 */
export function createDatabaseFileStorage(db: Database, options: { chunkBytes?: number } = {}): DatabaseFileStorage {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1) throw new TypeError('chunkBytes must be a positive integer');

  const forget = (key: string) => db.delete(fileBlobs).where(eq(fileBlobs.key, key));

  return {
    async write(key, body) {
      assertStorageKey(key);
      const reader = body.getReader();
      // Exclusive creation, like the disk's `wx`: an existing key is an error, and its bytes stay.
      try {
        await db.insert(fileBlobs).values({ key, size: 0, chunkCount: 0, createdAt: sql`now()` });
      } catch (error) {
        await reader.cancel(error).catch(() => {});
        throw error;
      }
      let seq = 0;
      let size = 0;
      let chunk = new Uint8Array(chunkBytes);
      let filled = 0;
      const flush = async () => {
        if (filled === 0) return;
        await db.insert(fileBlobChunks).values({ key, seq, data: filled === chunk.length ? chunk : chunk.slice(0, filled) });
        seq++;
        chunk = new Uint8Array(chunkBytes);
        filled = 0;
      };
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          let offset = 0;
          while (offset < value.length) {
            const take = Math.min(value.length - offset, chunkBytes - filled);
            chunk.set(value.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            size += take;
            if (filled === chunkBytes) await flush();
          }
        }
        await flush();
        const completed = await db
          .update(fileBlobs)
          .set({ size, chunkCount: seq, completedAt: sql`now()` })
          .where(and(eq(fileBlobs.key, key), isNull(fileBlobs.completedAt)))
          .returning({ key: fileBlobs.key });
        if (completed.length === 0) throw new Error(`File ${key} was deleted while being written`);
      } catch (error) {
        await reader.cancel(error).catch(() => {});
        await forget(key).catch(() => {});
        throw error;
      }
    },

    async read(key) {
      assertStorageKey(key);
      const [blob] = await db
        .select({ chunkCount: fileBlobs.chunkCount })
        .from(fileBlobs)
        .where(and(eq(fileBlobs.key, key), isNotNull(fileBlobs.completedAt)));
      if (!blob) return undefined;
      let seq = 0;
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (seq >= blob.chunkCount) {
              controller.close();
              return;
            }
            const [row] = await db
              .select({ data: fileBlobChunks.data })
              .from(fileBlobChunks)
              .where(and(eq(fileBlobChunks.key, key), eq(fileBlobChunks.seq, seq)));
            if (!row) {
              controller.error(new Error(`File ${key} was deleted while being read`));
              return;
            }
            seq++;
            controller.enqueue(row.data instanceof Uint8Array ? row.data : new Uint8Array(row.data));
          },
        },
        // One row fetched at a time, when the reader wants it.
        { highWaterMark: 0 },
      );
    },

    async delete(key) {
      assertStorageKey(key);
      await forget(key);
    },

    async purgeIncomplete(olderThanSeconds = 3600) {
      const deleted = await db
        .delete(fileBlobs)
        .where(and(isNull(fileBlobs.completedAt), lt(fileBlobs.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`)))
        .returning({ key: fileBlobs.key });
      return deleted.length;
    },
  };
}
