import { isAscii, isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../errors.js';

export type RosterEncoding = 'utf-8' | 'windows-1252';

/** The bytes of a trailing UTF-8 sequence cut by the chunk boundary (0 when the chunk ends whole). */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back] ?? 0;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? back : 0;
    }
  }
  return 0;
}

// Windows-1252's 0x80–0x9F (curly quotes, dashes, €, …); the rest is Latin-1. Node's own
// TextDecoder('windows-1252') reads these as C1 control characters (nodejs/node#56542).
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(buf: Buffer): string {
  return buf.toString('latin1').replace(/[\u0080-\u009f]/gu, (c) => HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

const unreadable = () =>
  new AppError('validation_failed', 'The file has characters that could not be read (shown as �). Save it from the spreadsheet as "CSV UTF-8" and upload it again. Nothing was imported.', [
    { field: 'csv', reason: 'has unreadable characters' },
  ]);

/**
 * Reads a roster's bytes and passes them on as UTF-8. Excel on Windows saves "CSV" in
 * Windows-1252, where "José" is not valid UTF-8: read as UTF-8 it would import as "Jos�". A file
 * that is not valid UTF-8 is read as Windows-1252 instead (`encoding` says which, for the
 * preview); one that mixes both, or already carries replacement characters, is refused.
 */
export class RosterDecoder extends Transform {
  encoding: RosterEncoding = 'utf-8';
  private carry: Buffer = Buffer.alloc(0);
  private sawMultibyte = false;
  private readonly cp1252 = { decode: decodeWindows1252 };

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    if (this.encoding === 'windows-1252') return callback(null, Buffer.from(this.cp1252.decode(buf), 'utf8'));
    const tail = incompleteTail(buf);
    const head = tail > 0 ? buf.subarray(0, buf.length - tail) : buf;
    if (tail > 0) this.carry = Buffer.from(buf.subarray(buf.length - tail));
    if (isUtf8(head)) {
      if (head.includes(Buffer.from([0xef, 0xbf, 0xbd]))) return callback(unreadable());
      // isAscii is native: a byte-by-byte scan in JavaScript cost seconds on a million-row file.
      if (!this.sawMultibyte && !isAscii(head)) this.sawMultibyte = true;
      return callback(null, head);
    }
    if (this.sawMultibyte) return callback(unreadable());
    this.encoding = 'windows-1252';
    const rest = Buffer.concat([head, this.carry]);
    this.carry = Buffer.alloc(0);
    return callback(null, Buffer.from(this.cp1252.decode(rest), 'utf8'));
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length === 0) return callback();
    // The file ends inside a UTF-8 sequence: it was not UTF-8 after all, unless it already was.
    if (this.sawMultibyte) return callback(unreadable());
    this.encoding = 'windows-1252';
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return callback(null, Buffer.from(this.cp1252.decode(rest), 'utf8'));
  }
}
