// English words of the shared upload pieces, loaded with the element's English.
import type { UploadMessages } from './upload.ts';

export const uploadEn: UploadMessages = {
  uploading: (p) => `Uploading ${p.name}`,
  uploadCancelled: (p) => `Upload of ${p.name} cancelled.`,
  uploadRemoved: (p) => `${p.name} was removed.`,
  cancelUpload: 'Cancel the upload',
  replaceFile: 'Replace',
  removeFile: 'Remove',
  file_too_large: 'This file is too large.',
  file_type_not_accepted: 'This type of file is not accepted.',
  file_empty: 'This file is empty.',
  file_active_content:
    'This PDF cannot be accepted: it is unreadable or carries active content (script, attachment, form). Save it again with “Print to PDF”, then send it.',
};
