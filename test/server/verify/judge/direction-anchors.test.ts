import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { anchoredDirections } from '../../../../server/verify/judge/direction-anchors.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('direction-anchors', () => {
  it('anchors a word between two direction words to the one before it', () => {
    const reading = readSentence('Reduced glucose increased.');
    expect(anchoredDirections(reading).get(stem('glucose'))).toBe(-1);
    expect(anchoredDirections(readSentence('The drug lowered glucose.')).get(stem('glucose'))).toBe(-1);
  });
});

describe('direction-anchors, comparatives of size', () => {
  it('reads "deeper", "wider" or "thinner" as no word of change, so the noun they describe takes no direction', () => {
    const directions = (text: string) => Object.fromEntries(anchoredDirections(readSentence(text)));
    // "deeper layers" names which layers, not a rise; nor is it what "lower" changes (degree-phrases.ts).
    expect(directions('Deeper layers show lower attention entropy.')).toMatchObject({ [stem('entropy')]: -1 });
    expect(directions('Deeper layers show lower attention entropy.')[stem('layers')]).toBeUndefined();
    expect(directions('Using a wider beam lowers output diversity.')[stem('beam')]).toBeUndefined();
  });
});

describe('direction-anchors, comparisons and nouns of change', () => {
  const directions = (text: string) => Object.fromEntries(anchoredDirections(readSentence(text)));

  it('gives "than" the direction of the comparative before it, not of a noun of change beside it', () => {
    // "greater pain relief than sham patches" is a rise, however near "relief" stands to "than"; nor
    // does "relief" lower the sham patches beyond its phrase.
    const read = directions('Lidocaine gave greater pain relief than sham patches.');
    expect(read[stem('than')]).toBe(1);
    expect(read[stem('sham')]).toBeUndefined();
    expect(directions('Lidocaine was more effective than sham patches.')[stem('than')]).toBe(1);
    // A comparative that grades another word of change ("more slowly") gives "than" no direction.
    expect(directions('Mortality declined more slowly in villages than in cities.')[stem('than')]).toBeUndefined();
  });

  it('lets a noun of worth or harm direct only the phrase it heads or ends ("DNA damage", "loss of the neurons")', () => {
    const damage = directions('Ultraviolet light caused DNA damage in keratinocytes.');
    expect(damage[stem('DNA')]).toBe(-1);
    expect(damage[stem('keratinocytes')]).toBeUndefined();
    expect(directions('Rotenone caused a loss of the dopaminergic neurons.')[stem('dopaminergic')]).toBe(-1);
    // "benefits that could accrue by lowering pressure": the benefit raises neither "could" nor the
    // pressure, and a word it stands nearest to takes no direction from a word farther away either.
    const benefits = directions('Walking brought benefits that could accrue by lowering blood pressure.');
    expect(benefits[stem('could')]).toBeUndefined();
    expect(benefits[stem('pressure')]).toBe(-1);
  });

  it('reads an adjective or verb of harm or gain ("harmful", "damaged", "gained") as any word of change, not as a noun', () => {
    // "harmful to cochlear hair cells" lowers the cells as "harmed" would; only "harm", "damage",
    // "loss", "benefit", "gain" and "relief" used as nouns keep to their phrase.
    expect(directions('Cisplatin was harmful to cochlear hair cells in culture.')[stem('cochlear')]).toBe(-1);
    expect(directions('Heat stress damaged the gill epithelium of juvenile trout.')[stem('epithelium')]).toBe(-1);
    expect(directions('Mice fed the diet gained visceral fat mass.')[stem('mass')]).toBe(1);
    expect(directions('Older patients benefited substantially from early mobilisation.')[stem('mobilisation')]).toBe(1);
    // "damages" and "benefit" read as verbs (before "the", after "may") are words of change too.
    expect(directions('Smoking damages the small airways of adolescents.')[stem('airways')]).toBe(-1);
    expect(directions('Early surgery may benefit elderly hip fracture patients.')[stem('fracture')]).toBe(1);
    // A noun still keeps to its phrase: "hair cell damage" lowers no explants.
    expect(directions('Hair cell damage was seen in cochlear explants.')[stem('explants')]).toBeUndefined();
  });

  it('reads a "more" or "less" that grades an adverb or a noun of change with it: "more slowly" is down, "less slowly" up', () => {
    expect(directions('Kidney cysts grew more slowly in treated rats.')[stem('cysts')]).toBe(-1);
    expect(directions('Kidney cysts grew less quickly in treated rats.')[stem('cysts')]).toBe(-1);
    expect(directions('Kidney cysts grew less slowly in treated rats.')[stem('cysts')]).toBe(1);
    // A "more" or "less" that ends the sentence grades nothing.
    expect(directions('In treated rats the kidney cysts grew more')[stem('cysts')]).toBe(1);
    // "caused more harm" lowers what it is said of, as "harmed" does.
    expect(directions('Routine screening caused more harm than good.')[stem('screening')]).toBe(-1);
  });
});
