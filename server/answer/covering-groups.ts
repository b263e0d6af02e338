// Groups named together that cover everyone a finding is about ("in patients with diabetes or in
// those without", "with or without diabetes", "in men or women", "in either sex", "regardless of
// age"): a finding stated for all of them is narrowed to none, so the bottom line's settling rule
// (settling-findings.ts) reads past them as it reads past "in either group".

/** The pairs of groups that together hold everyone: each side as written, in the singular and plural. */
const COMPLEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['m[ae]n|males?', 'wom[ae]n|females?'],
  ['boys?', 'girls?'],
  ['children|child|paediatric|pediatric', 'adults?'],
  ['smokers?', 'non-?smokers?'],
];

const PLACE = String.raw`(?:in|among|for)\s+`;
const BOTH = String.raw`(?:both|either|all)\s+`;

/** One side of a complementary pair, then "or"/"and" and the other ("men or women", "in women and in men"). */
const complementPair = ([one, other]: readonly [string, string]) =>
  [
    [one, other],
    [other, one],
  ].map(
    ([first, second]) =>
      String.raw`${PLACE}(?:${BOTH})?(?:(?:the\s+)?\p{L}+\s+)?(?:${first})\s+(?:or|and)\s+(?:${PLACE})?(?:${second})\b`,
  );

/**
 * Phrases that name everyone: a group with a condition and those without it ("in patients with
 * diabetes or in those without (it)", "in patients with and without diabetes", "with or without
 * diabetes"), complementary groups named together ("in men or women", "in both boys and girls"),
 * "in either sex", "in all subgroups", and a condition set aside ("regardless of age", "irrespective
 * of diabetes status").
 */
const COVERING = new RegExp(
  [
    String.raw`(?:${PLACE}(?:${BOTH})?(?:(?:the\s+)?\p{L}+\s+)?)?with\s+(?:(?!\s(?:or|and)\s)[^,;.])*?\s+(?:or|and)\s+(?:${PLACE})?(?:(?:those|patients|people|participants|subjects|individuals|ones)\s+)?without\b(?:\s+(?:it|them|this|that))?`,
    String.raw`(?:${PLACE}(?:${BOTH})?(?:(?:the\s+)?\p{L}+\s+)?)?with\s+(?:or|and)\s+without\s+[^,;.]*`,
    ...COMPLEMENTS.flatMap(complementPair),
    String.raw`${PLACE}(?:${BOTH})(?:sexes|sex|genders?|subgroups?|age\s+groups?|strata|stratum)\b`,
    String.raw`(?:regardless|irrespective|independent(?:ly)?)\s+of\s+[^,;.]*`,
  ].join('|'),
  'giu',
);

/** The text with every phrase naming everyone (COVERING) taken out. */
export function withoutCoveringGroups(text: string): string {
  return text.replace(COVERING, ' ').replace(/\s{2,}/gu, ' ');
}
