/**
 * The segmented words of an article's fields, stored as where each word lies in the field's
 * normalised text instead of as text: search re-scores candidates from these words, and the text is
 * at hand then anyway (it counts bigrams and characters in it). A word is two bytes or so instead of
 * seven, which roughly halves the stored article row.
 *
 * Layout: per field, varint count, then per word varint zigzag(start − previous start) and varint
 * length in UTF-16 units. A length of 0 marks a word kept as text (varint byte length + UTF-8): one
 * not found in the text, which the analyzer's own normalisation could in principle produce.
 */

/** Encodes `words[i]`, each cut from `texts[i]`. */
export function packWords(texts: readonly string[], words: readonly (readonly string[])[]): Uint8Array {
  const out = new ByteWriter();
  texts.forEach((text, i) => {
    const list = words[i] ?? [];
    out.varint(list.length);
    let previous = 0;
    for (const word of list) {
      // Any occurrence reads back as the same word; one near the last keeps the step small.
      let start = text.indexOf(word, Math.max(0, previous - NEAR));
      if (start < 0) start = text.indexOf(word);
      if (start < 0) {
        const bytes = Buffer.from(word, 'utf8');
        out.varint(0);
        out.varint(0);
        out.varint(bytes.length);
        out.bytes(bytes);
        continue;
      }
      out.varint(zigzag(start - previous));
      out.varint(word.length);
      previous = start;
    }
  });
  return out.done();
}

/** Reads back the words of each of `texts` (the same texts they were packed against). */
export function unpackWords(packed: Uint8Array, texts: readonly string[]): string[][] {
  const input = new ByteReader(packed);
  return texts.map((text) => {
    const count = input.varint();
    const words = new Array<string>(count);
    let previous = 0;
    for (let n = 0; n < count; n++) {
      const step = unzigzag(input.varint());
      const length = input.varint();
      if (length === 0) {
        words[n] = input.utf8(input.varint());
        continue;
      }
      previous += step;
      words[n] = text.slice(previous, previous + length);
    }
    return words;
  });
}

/** How far back from the previous word a word is looked for (jieba's search mode repeats a compound's start). */
const NEAR = 16;

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

class ByteWriter {
  private buf = new Uint8Array(256);
  private at = 0;

  varint(n: number): void {
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.at++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.at++] = n;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.at);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }
}

class ByteReader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}

  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.at++];
      if (b === undefined) throw new Error('packed words end early');
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 128;
    }
  }

  utf8(length: number): string {
    const s = Buffer.from(this.buf.buffer, this.buf.byteOffset + this.at, length).toString('utf8');
    this.at += length;
    return s;
  }
}
