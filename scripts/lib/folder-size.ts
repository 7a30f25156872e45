/** The size of a built site: bytes and files, in all and under chosen sub-folders. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FolderSize {
  bytes: number;
  files: number;
}

export function folderSize(folder: string): FolderSize {
  const size: FolderSize = { bytes: 0, files: 0 };
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        size.bytes += statSync(child).size;
        size.files++;
      }
    }
  };
  walk(folder);
  return size;
}
