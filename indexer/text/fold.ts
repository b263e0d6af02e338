// Folding: text compared regardless of case, accents and Unicode compatibility forms (ligatures,
// fullwidth letters), so "naïve", "naive" and "NAÏVE" are one word. Terms and the author filter use it.

// Combining marks that accent a letter (the Combining Diacritical Marks blocks), left apart by NFKD.
// Other marks (Indic vowel signs, the kana voicing mark) are parts of letters and stay.
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// Letters NFKD leaves whole, as a reader without the accent writes them.
const UNDECOMPOSED = /[øłđßæœı]/g;
const SPELLED: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };
const spell = (letter: string) => SPELLED[letter]!;

/** Whether every character of the text is ASCII (such text folds by lowercasing alone). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * The text lowercased, with compatibility forms expanded (ﬁ → fi, fullwidth Ａ → a, ² → 2), accents
 * removed (é → e, decomposed u + ◌̈ → u) and ø ł đ ß æ œ ı spelled o l d ss ae oe i. The result may be
 * longer or shorter than the text: offsets into it are not offsets into the text.
 */
export function fold(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  // Recomposed after the accents go, so letters made of a base and a kept mark (Hangul, kana) stay one.
  const bare = text.normalize('NFKD').replace(DIACRITICS, '').normalize('NFC').toLowerCase();
  return bare.replace(UNDECOMPOSED, spell);
}
