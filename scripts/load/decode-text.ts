import { DataError, ReportError } from '../errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a source file as UTF-8, refusing anything else: a table saved as Windows-1251 from a
 * spreadsheet would otherwise publish mojibake instead of Cyrillic names.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, ErrorClass: typeof ReportError = DataError): string {
  if (bytes.length === 0) {
    throw new ErrorClass('the file is empty', {
      file,
      expected: 'content in the format of its folder (a JSON table, a CSV file or Markdown)',
      fix: 'write the content, or delete the file',
    });
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf8Byte(bytes);
    const line = countLines(bytes.subarray(0, offset));
    throw new ErrorClass(`the file is not valid UTF-8 (invalid byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${offset})`, {
      file,
      line,
      expected: 'UTF-8 text',
      fix: 'save the file as UTF-8 (in a spreadsheet: "CSV UTF-8"; in an editor: "Save with encoding → UTF-8")',
      cause,
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function countLines(bytes: Uint8Array): number {
  let lines = 1;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  return lines;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (0 if none found). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}
