/* A dropped or opened file as text (no DOM): UTF-16 with a byte-order
 * mark, else UTF-8, else GB18030; large, empty and binary files are refused
 * with a FileRefused error (code and params, translated like the others). */
import { t } from '../i18n/translate.js';

// 64 MB: 5-6 million numbers. Two such files, the worker's copy and the
// results stay well within a tab's memory; 1e7 numbers (110 MB) are refused
// before a byte is read.
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The limit as the message gives it: bytes and about how many numbers (11 bytes each). */
export const limitParams = () => ({ limit: formatSize(MAX_FILE_BYTES), numbers: { key: 'input.big.millions', params: { m: Math.round(MAX_FILE_BYTES / 11 / 1e5) / 10 } } });

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export class FileRefused extends Error {
  constructor(code, params) {
    super(t(`error.${code}`, params, 'en'));
    this.code = code;
    this.params = params;
  }
}

function fileBytes(file) {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

function decode(encoding, bytes, fatal) {
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/**
 * A file's text: UTF-16 when it starts with a byte-order mark (Excel's
 * "Unicode text"), else UTF-8, else GB18030 (CSV saved by Excel on a
 * Chinese system). Refuses large, empty and binary files.
 */
// Refuses a workbook or a binary file by the bytes seen.
function refuseBinary(bytes, vars) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return;
  if (bytes.indexOf(0) >= 0) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": .xlsx, .numbers, .ods
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf; // old .xls
    throw new FileRefused(zip || ole ? 'file_workbook' : 'file_binary', vars);
  }
}

function refuseSize(file, vars) {
  if (file.size > MAX_FILE_BYTES) throw new FileRefused('file_too_large', Object.assign(vars, limitParams()));
  if (file.size === 0) throw new FileRefused('file_empty', vars);
}

/**
 * Checks a large file before it is kept as bytes (not read as text): its
 * size, and its first 64 KB for a workbook or binary. Throws FileRefused.
 */
export async function checkLargeFile(file) {
  const vars = { name: file.name, size: formatSize(file.size) };
  refuseSize(file, vars);
  refuseBinary(new Uint8Array(await fileBytes(file.slice(0, 65536))), vars);
}

export async function fileText(file) {
  const vars = { name: file.name, size: formatSize(file.size) };
  refuseSize(file, vars);
  const bytes = new Uint8Array(await fileBytes(file));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes, false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes, false);
  refuseBinary(bytes, vars);
  try {
    return decode('utf-8', bytes, true);
  } catch {
    try {
      return decode('gb18030', bytes, true);
    } catch {
      return decode('utf-8', bytes, false);
    }
  }
}

