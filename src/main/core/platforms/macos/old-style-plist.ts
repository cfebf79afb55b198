/**
 * A reader for the text `defaults read` prints (the old NeXTSTEP property-list syntax:
 * `{ Key = value; List = ( a, b ); }`). `plutil -convert json` cannot be used instead: it refuses
 * plists holding dates, and com.apple.SoftwareUpdate holds several.
 */

/** A value of an old-style plist: strings (numbers and booleans print as strings), arrays, dictionaries. */
export type OldStyleValue = string | readonly OldStyleValue[] | { readonly [key: string]: OldStyleValue };

/** The text is not an old-style plist. */
export class PlistSyntaxError extends Error {
  override readonly name = 'PlistSyntaxError';
}

const UNQUOTED = /[A-Za-z0-9_$+/:.-]/;

/** Parses `defaults read` output. Throws PlistSyntaxError on anything else (garbage, truncation). */
export function parseOldStylePlist(text: string): OldStyleValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new PlistSyntaxError(`${what} (position ${i})`);
  };
  const skip = (): void => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i += 1;
      if (text.startsWith('//', i)) {
        while (i < text.length && text[i] !== '\n') i += 1;
      } else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail('commentaire non fermé');
        i = end + 2;
      } else return;
    }
  };
  const quoted = (): string => {
    i += 1;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const next = text[i + 1];
        if (next === undefined) fail('échappement tronqué');
        if (next === 'U' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i += 2;
        continue;
      }
      out += text[i];
      i += 1;
    }
    if (text[i] !== '"') fail('chaîne non fermée');
    i += 1;
    return out;
  };
  const value = (): OldStyleValue => {
    skip();
    const c = text[i];
    if (c === undefined) return fail('valeur attendue, fin du texte');
    if (c === '{') {
      i += 1;
      const dict: Record<string, OldStyleValue> = {};
      for (;;) {
        skip();
        if (text[i] === '}') {
          i += 1;
          return dict;
        }
        const key = value();
        if (typeof key !== 'string') fail('clé invalide');
        skip();
        if (text[i] !== '=') fail('« = » attendu');
        i += 1;
        dict[key as string] = value();
        skip();
        if (text[i] !== ';') fail('« ; » attendu');
        i += 1;
      }
    }
    if (c === '(') {
      i += 1;
      const list: OldStyleValue[] = [];
      for (;;) {
        skip();
        if (text[i] === ')') {
          i += 1;
          return list;
        }
        list.push(value());
        skip();
        if (text[i] === ',') i += 1;
        else if (text[i] !== ')') fail('« , » ou « ) » attendu');
      }
    }
    if (c === '"') return quoted();
    if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) fail('données non fermées');
      const data = text.slice(i, end + 1);
      i = end + 1;
      return data;
    }
    let out = '';
    while (i < text.length && UNQUOTED.test(text[i]!)) {
      out += text[i];
      i += 1;
    }
    if (out === '') fail(`caractère inattendu « ${c} »`);
    return out;
  };
  const result = value();
  skip();
  if (i < text.length) fail('texte en trop après la valeur');
  return result;
}

/** A boolean as `defaults` prints it ("1"/"0", "true"/"false", "YES"/"NO"); null otherwise. */
export function plistBool(value: OldStyleValue | undefined): boolean | null {
  if (typeof value !== 'string') return null;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  return null;
}
