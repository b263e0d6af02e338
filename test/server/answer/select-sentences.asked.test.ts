import { describe, expect, it } from 'vitest';
import { numberSources } from '../../../server/answer/answer-sources.ts';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { selectSentences } from '../../../server/answer/select-sentences.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { paperWith } from '../../support/paper.ts';

// Papers written for these tests. Each source is one paper whose abstract may be cut into passages.
const OTHER_TEXTS = [
  'Caffeine raised memory recall in students.',
  'Wing loads grew with flight speed.',
  'Debris cover slows glacier melt.',
  'Soil bacteria fix nitrogen in legume roots.',
  'Sea ice thinned over the last decade.',
];

/** A retrieved paper whose abstract is cut into passages at the given offsets (one passage when none). */
function source(id: string, abstract: string, cuts: number[] = []) {
  const paper = paperWith({ id, title: '', abstract });
  const bounds = [0, ...cuts, abstract.length];
  return bounds.slice(0, -1).map((start, i) => {
    const end = bounds[i + 1]!;
    const text = abstract.slice(start, end).trim();
    const from = start + abstract.slice(start, end).indexOf(text);
    return {
      passage: {
        id: id.length * 10 + i,
        paperId: id,
        field: 'abstract' as const,
        ordinal: i,
        start: from,
        end: from + text.length,
        text,
      },
      paper,
      score: 1,
    };
  });
}

function select(question: string, abstracts: Array<ReturnType<typeof source>>) {
  const texts = [...abstracts.map((passages) => passages[0]!.paper.abstract), ...OTHER_TEXTS];
  return selectSentences(
    question,
    numberSources(abstracts.flat()),
    statisticsOfTexts(texts),
    {},
    conceptStatisticsOfTexts(texts),
  );
}

describe('select-sentences: the sentence that answers what is asked', () => {
  it('quotes a sentence that leans on the last sentence of the passage before, both retrieved, together with it', () => {
    const first = 'Moss mats cover the north faces of boulders. Removing the mats exposes the rock.';
    const second = ' This is followed by rapid frost weathering and loss of lichen cover within a year.';
    const abstract = `${first}${second}`;
    const { sentences, abstainReason } = select('Does removing moss mats lead to loss of lichen cover?', [
      source('moss', abstract, [first.length]),
    ]);
    expect(abstainReason).toBeNull();
    const joined = sentences.find((s) => s.wording.includes('lichen cover'));
    expect(joined?.wording).toBe(
      'Removing the mats exposes the rock. This is followed by rapid frost weathering and loss of lichen cover within a year.',
    );
    expect(abstract.slice(joined!.start, joined!.end)).toBe(joined!.text);
    // The sentence before is not quoted again by itself.
    expect(sentences.filter((s) => s.text.startsWith('Removing the mats'))).toHaveLength(1);
  });

  it('does not join across passages with text between them that was not retrieved', () => {
    const abstract =
      'Moss mats cover the north faces of boulders. Removing the mats exposes the rock. Grazing sheep avoid the slopes. This is followed by rapid frost weathering and loss of lichen cover within a year.';
    const passages = source('moss', abstract, [abstract.indexOf('Grazing'), abstract.indexOf('This is')]);
    const { sentences } = select('Does removing moss mats lead to loss of lichen cover?', [
      [passages[0]!, passages[2]!],
    ]);
    expect(sentences.some((s) => s.wording.includes('Removing the mats exposes the rock. This'))).toBe(false);
  });

  it('prefers the sentence stating the relation a "what … does X <verb>?" question asks to those repeating its topic', () => {
    const abstract =
      'In this study, we identified the rice leafless cob gene in a field screen of rice mutants. Leafless cob plants had small panicles and short roots in the rice field. The mutant locus encodes a sugar transporter of the phloem.';
    const { sentences } = select('What does the rice leafless cob gene encode?', [source('cob', abstract)]);
    expect(sentences.map((s) => s.text)).toContain('The mutant locus encodes a sugar transporter of the phloem.');
  });

  it('gives no weight for stating the asked relation to a sentence of a paper further down that holds nothing else of the question', () => {
    const cob = source(
      'cob',
      'The rice leafless cob gene was mapped in a field screen of rice mutants. Leafless cob plants had small panicles and leafless cobs.',
    );
    const genomes = source(
      'genomes',
      'The leafless cob mutant gene was found in rice fields. Viral genomes encode many short proteins.',
    );
    const { sentences } = select('What does the rice leafless cob gene encode?', [cob, genomes]);
    expect(sentences.map((s) => s.text)).not.toContain('Viral genomes encode many short proteins.');
  });

  it('does not join passages whose text is not the paper’s abstract at their offsets (an index of an earlier abstract)', () => {
    const first = 'Moss mats cover the north faces of boulders. Removing the mats exposes the rock.';
    const second = ' This is followed by rapid frost weathering and loss of lichen cover within a year.';
    const passages = source('moss', `${first}${second}`, [first.length]);
    // The paper's abstract was since rewritten: the passages keep the indexed text and offsets.
    const paper = { ...passages[0]!.paper, abstract: `${first.replace('rock', 'soil')}${second}` };
    const { sentences } = select('Does removing moss mats lead to loss of lichen cover?', [
      passages.map((p) => ({ ...p, paper })),
    ]);
    expect(sentences.some((s) => s.text.includes('soil'))).toBe(false);
  });

  it('prefers "was determined by" for a "how was X determined?" question', () => {
    const abstract =
      'Drought stress makes poplar leaves senescent within two weeks in greenhouse trials of drought-stressed poplar. We conclude that drought hastens senescence in stressed poplar leaves. Senescence was determined by chlorophyll loss.';
    const { sentences } = select('How was senescence of drought-stressed poplar leaves determined?', [
      source('poplar', abstract),
    ]);
    expect(sentences.map((s) => s.text)).toContain('Senescence was determined by chlorophyll loss.');
  });

  it('quotes "Here, results from…" as a finding of the paper itself', () => {
    const abstract =
      'Whether coral larvae settle on plastic debris was unknown. Here, results from two settlement assays show that coral larvae settle on plastic debris as often as on rock.';
    const { sentences } = select('Do coral larvae settle on plastic debris?', [source('coral', abstract)]);
    expect(sentences.map((s) => s.text)).toContain(
      'Here, results from two settlement assays show that coral larvae settle on plastic debris as often as on rock.',
    );
  });

  it('reads a word no paper uses by a word of its family that papers use ("engulf" by "engulfment")', () => {
    const abstract =
      'Sentinel cells line the portal veins of the liver. The engulfment of aged platelets is the main task of sentinel cells. Sentinel cells were counted in twelve biopsies.';
    const { sentences, abstainReason } = select('What do sentinel cells mainly engulf?', [
      source('sentinel', abstract),
    ]);
    expect(abstainReason).toBeNull();
    expect(sentences[0]?.text).toBe('The engulfment of aged platelets is the main task of sentinel cells.');
  });

  it('answers a question asking which studies "deal with" a topic', () => {
    const abstract = 'Sentinel cells line the portal veins of the liver. Sentinel cells clear aged platelets.';
    const { abstainReason } = select('Which studies deal with platelets?', [source('sentinel', abstract)]);
    expect(abstainReason).toBeNull();
  });

  it('abstains when the question asks among a group no paper studies, written as an irregular plural ("in children", "in mice")', () => {
    const abstract =
      'We randomized 12,000 adults with diabetes to low-dose aspirin or placebo. Low-dose aspirin reduced the risk of ischemic stroke by 21% in adults with diabetes.';
    for (const group of ['children', 'women', 'mice', 'adolescents'])
      expect(
        select(`Does aspirin reduce stroke risk in ${group} with diabetes?`, [source('adults', abstract)])
          .abstainReason,
        group,
      ).toMatch(new RegExp(`no paper in it mentions "${group}"`));
    // The last word of the question is its object, which the answer says it leaves aside.
    expect(select('Does aspirin reduce stroke risk in children?', [source('adults', abstract)]).partial).toBeDefined();
    // A paper that writes the singular ("each child") studies the group.
    const child =
      'We randomized 900 patients with diabetes to low-dose aspirin or placebo. Low-dose aspirin reduced the risk of ischemic stroke by 21%, and each child was followed for five years.';
    const asked = select('Does aspirin reduce stroke risk in children with diabetes?', [source('child', child)]);
    expect(asked.abstainReason).toBeNull();
  });

  it('abstains when the question asks about a condition no paper mentions, where the papers hold a neighbouring one', () => {
    const abstract =
      'About half of breast cancer patients do not respond to antibody therapy. Increased kinase activation conferred antibody resistance in breast cancer cells.';
    const { abstainReason } = select(
      'How does kinase activation confer antibody resistance in pancreatic cancer cells?',
      [source('breast', abstract)],
    );
    expect(abstainReason).toMatch(/no paper in it mentions "pancreatic"/);
    // The same question on the condition the paper holds is answered.
    expect(
      select('How does kinase activation confer antibody resistance in breast cancer cells?', [
        source('breast', abstract),
      ]).abstainReason,
    ).toBeNull();
  });

  it('abstains on no neighbouring condition that papers name by a word of its family ("septic" of sepsis, "stapes" of stapedectomy)', () => {
    // Each question's other words are all in its paper: before, the one word no paper writes as the
    // question does was read as a neighbouring condition, and the question was refused.
    const sepsis = 'Immunoglobulins were an effective adjuvant in infants with late sepsis.';
    expect(
      select('Are immunoglobulins an effective adjuvant in septic infants?', [source('sepsis', sepsis)]).abstainReason,
    ).toBeNull();
    const stapedectomy =
      'Delayed facial palsy after surgery was prevented in most stapedectomies by antiviral treatment.';
    expect(
      select('Can delayed facial palsy in the stapes surgery be prevented?', [source('stapes', stapedectomy)])
        .abstainReason,
    ).toBeNull();
    // A condition no paper names in any form is still one: "necrotic" with no paper on necrosis.
    expect(
      select('Are immunoglobulins an effective adjuvant in necrotic infants?', [source('sepsis', sepsis)])
        .abstainReason,
    ).toMatch(/no paper in it mentions "necrotic".*neighbouring question/);
  });

  it('answers a question on children the papers write another usual way ("paediatric patients", "boys and girls")', () => {
    const abstract = (group: string) =>
      `We randomized 900 ${group} with diabetes to low-dose aspirin or placebo. Low-dose aspirin reduced the risk of ischemic stroke by 21% in ${group} with diabetes.`;
    for (const [asked, written] of [
      ['children', 'paediatric patients'],
      ['children', 'boys and girls'],
    ] as const)
      expect(
        select(`Does aspirin reduce stroke risk in ${asked} with diabetes?`, [source('group', abstract(written))])
          .abstainReason,
        `${asked} / ${written}`,
      ).toBeNull();
  });

  it('does not answer a question on a group as covered by papers on another group written with its word ("female mice", "childhood trauma")', () => {
    const mice =
      'Estrogen therapy prevented bone loss in ovariectomized female mice. Bone loss after ovariectomy was reduced by estrogen therapy in female mice.';
    const women = select('Does estrogen therapy prevent bone loss in women?', [source('mice', mice)]);
    expect(women.abstainReason !== null || women.partial !== undefined).toBe(true);
    const adults =
      'Childhood trauma predicted worse sleep quality in adults with high screen time. Screen time and sleep quality were studied in adult survivors of childhood adversity.';
    const children = select('Does screen time worsen sleep quality in children?', [source('adults', adults)]);
    expect(children.abstainReason !== null || children.partial !== undefined).toBe(true);
  });

  it('abstains on a word read as a removal or a condition only by a guessed ending ("mast" cells, "hypnotic" drugs)', () => {
    const mastectomy =
      'Breast cancer recurrence after mastectomy was lower with radiotherapy. Recurrence after mastectomy fell by a third.';
    expect(
      select('Do mast cells promote breast cancer recurrence?', [source('mastectomy', mastectomy)]).abstainReason,
    ).toMatch(/"mast"/);
    const hypnosis = 'Hypnosis improved sleep in older adults. Sleep under hypnosis was longer in older adults.';
    expect(
      select('Do hypnotic drugs improve sleep in older adults?', [source('hypnosis', hypnosis)]).abstainReason,
    ).toMatch(/"hypnotic"/);
  });
});
