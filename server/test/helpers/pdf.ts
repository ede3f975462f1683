/**
 * Just enough PDF reading for tests: the header, the page count and the document information
 * strings (Title, Subject…), which pdfkit writes as literal strings, UTF-16BE when not ASCII.
 */
export function pdfFacts(bytes: Buffer): { header: string; pages: number; info: Record<string, string> } {
  const text = bytes.toString('latin1');
  const pages = (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  const info: Record<string, string> = {};
  const dict = /\/Producer \d+ 0 R[\s\S]*?>>/.exec(text)?.[0] ?? '';
  for (const [, key, obj] of dict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const start = text.indexOf(`\n${obj} 0 obj\n(`);
    if (start < 0) continue;
    info[key] = decodeLiteral(text, text.indexOf('(', start) + 1);
  }
  return { header: text.slice(0, 5), pages, info };
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

function decodeLiteral(text: string, from: number): string {
  const out: number[] = [];
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[++i];
      const oct = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0];
      if (oct) {
        out.push(parseInt(oct, 8));
        i += oct.length - 1;
      } else if (next in ESCAPES) out.push(ESCAPES[next].charCodeAt(0));
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && depth-- === 0) break;
    out.push(c.charCodeAt(0));
  }
  const raw = Buffer.from(out);
  if (raw[0] === 0xfe && raw[1] === 0xff) return raw.subarray(2).swap16().toString('utf16le');
  return raw.toString('latin1');
}
