// The share link's check code, computed independently of the page's encoder
// so that tests can forge links that pass the checksum: the CRC-32 of the
// JSON bytes, big-endian, in base64url (6 characters).
'use strict';

function checkCode(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  c = (c ^ 0xffffffff) >>> 0;
  return Buffer.from([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]).toString('base64url');
}

/** The `s` parameter of a link carrying `json` uncompressed, with a valid check code. */
function linkOf(json) {
  const bytes = Buffer.from(json, 'utf8');
  return `${bytes.toString('base64url')}.${checkCode(bytes)}`;
}

module.exports = { checkCode, linkOf };
