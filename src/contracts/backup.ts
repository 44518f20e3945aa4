import { z } from 'zod';

// An encrypted backup, downloaded from the organizer app by an instance admin (issue 11, item 6).

export const backupContract = {
  downloadBackup: {
    body: z.object({
      // age's scrypt passphrase: the only thing between the file and whoever finds it.
      passphrase: z.string().min(12, 'must be at least 12 characters').max(1024),
    }),
  },
} as const;
