// English words of the shared upload pieces, loaded with the element's English.
import type { UploadMessages } from './upload.ts';

export const uploadEn: UploadMessages = {
  uploading: (p) => `Uploading ${p.name}`,
  uploadCancelled: (p) => `Upload of ${p.name} cancelled.`,
  uploadRemoved: (p) => `${p.name} was removed.`,
  cancelUpload: 'Cancel the upload',
  replaceFile: 'Replace',
  removeFile: 'Remove',
};
