import { createHash } from 'node:crypto';
import { backupContract } from '../../contracts/backup.js';
import { checkBackupAllowed } from '../../domain/admin/check-backup-allowed.js';
import { recordBackupDownload } from '../../domain/admin/record-backup-download.js';
import type { Services } from '../../domain/create-services.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { AppError } from '../../errors.js';
import { sealBackup } from '../../support/age-backup.js';
import { operation, requesterOf } from '../operation.js';
import { requireAccount } from '../plugins/authentication.js';
import type { ZodApp } from '../zod-app.js';

/** Takes a full dump of the database, in memory (src/db/dump-database.ts, given by `serve`). */
export type DumpDatabase = () => Promise<Uint8Array>;

/**
 * An instance admin downloads an encrypted backup: pg_dump into memory, sealed with age to the
 * passphrase typed in the app, recorded in the audit log, then sent. Nothing unencrypted is written
 * to disk, and the server keeps no copy. A POST (CSRF-checked), so no link or image can start one.
 */
export function registerBackupRoutes(app: ZodApp, services: Services, dumpDatabase: DumpDatabase | undefined): void {
  app.post(
    '/api/admin/backup',
    { schema: operation('downloadBackup', backupContract.downloadBackup, { tags: ['admin'], produces: 'application/octet-stream' }) },
    async (request, reply) => {
      requireAccount(request);
      await services.read(checkBackupAllowed, requesterOf(request), {});
      if (!dumpDatabase) throw new AppError('conflict', 'This server was started without a database it can dump; use `unionhall backup` on the server instead.');
      const sealed = await sealBackup(await dumpDatabase(), { passphrase: request.body.passphrase });
      const sha256 = createHash('sha256').update(sealed).digest('hex');
      const { fileName } = await services.execute(recordBackupDownload, requesterOf(request), { bytes: sealed.byteLength, sha256 });
      return reply.type('application/octet-stream').header('content-disposition', formatContentDisposition(fileName)).send(Buffer.from(sealed));
    },
  );
}
