// The tools that reason over the library: ask_library (a cited answer or an abstention) and
// verify_citations (claim-by-claim verdicts). They call the services POST /api/ask and /api/verify call.
import { z } from 'zod';
import { answerQuestion, zAskRequest } from '../answer/index.ts';
import { createLlmClient } from '../llm/index.ts';
import { libraryOfIndex, statisticsOfIndex, verifyTextWith, zVerifyRequest } from '../verify/index.ts';
import { createJudge } from '../verify/judge/index.ts';
import { zAgentFilters } from './library.tools.ts';
import { zAskLibraryOutput, zVerifyCitationsOutput } from './mcp.schema.ts';
import { defineTool, PAPER_TEXT_IS_DATA } from './mcp-tool.ts';
import { checkSearchRelations } from './tool-arguments.ts';

// Strict, as every tool's arguments: a name the tool does not take is refused, never ignored.
export const zAskLibraryInput = z
  .strictObject({
    question: zAskRequest.shape.question.meta({ description: 'The question, in words' }),
    k: zAskRequest.shape.k.meta({ description: 'Passages retrieved as evidence' }),
    mode: zAskRequest.shape.mode,
    filters: zAgentFilters,
    maxSentences: zAskRequest.shape.maxSentences.meta({ description: 'Longest answer, in sentences' }),
  })
  .superRefine(checkSearchRelations);

export const askLibraryTool = defineTool({
  name: 'ask_library',
  title: 'Answer from the library, with citations',
  description: [
    'Answers a question from the papers of the local library only. Every answer sentence carries its citations: the source number [n], paper id, passage id and span (field, start, end) it rests on, and a support score (0-1).',
    'When the library holds no answer, abstained is true and reason says why: then say the library does not answer it, rather than answering from elsewhere.',
    'sources lists the retrieved papers, whether the answer cites them, and their passages (spans and retrieval scores; the text only for cited sources).',
    PAPER_TEXT_IS_DATA,
  ].join(' '),
  input: zAskLibraryInput,
  output: zAskLibraryOutput,
  async run(request, { reader, config, signal }) {
    // Support is judged as the API judges it: the configured judge.
    const { judge } = await createJudge(statisticsOfIndex(reader), config);
    const response = await answerQuestion(
      reader,
      { ...request, unsupported: 'flag' },
      { llm: createLlmClient(config.llm), judge, signal },
    );
    // A source's paper is given by reference (id, title); only the passages the answer cites keep
    // their text, the others (an abstention's nearest papers, say) are spans get_paper can fill in.
    const sources = response.sources.map(({ n, paper, passages, cited }) => ({
      n,
      paperId: paper.id,
      title: paper.title,
      authors: paper.authors,
      year: paper.year,
      cited,
      passages: passages.map(({ id, text, ...span }) => ({ passageId: id, ...span, ...(cited ? { text } : {}) })),
    }));
    const { tookMs: _tookMs, ...answer } = response;
    return { ...answer, sources };
  },
});

export const zVerifyCitationsInput = z.strictObject({
  text: zVerifyRequest.shape.text.meta({
    description:
      'The text whose citations to check: sentences with [n] (also [n, Sec. 4], [1]–[3], ref. n), author-year, arXiv id, DOI, [paper-id], LaTeX \\cite{key} or Pandoc [@key] citations, and optionally its reference list at the end (or a LaTeX thebibliography)',
  }),
  references: zVerifyRequest.shape.references.meta({
    description:
      'The reference list, when it is not at the end of the text: one string (a plain list, or a BibTeX, RIS or CSL JSON export whose keys the text cites), or one string per entry',
  }),
  suggestions: zVerifyRequest.shape.suggestions.meta({
    description: 'How many better-supporting library papers to suggest per claim',
  }),
});

export const verifyCitationsTool = defineTool({
  name: 'verify_citations',
  title: 'Check the citations of a text',
  description: [
    'Splits a text into claims and their citations, resolves each citation to a paper of the local library (through the reference list), and judges from that paper whether it backs the claim.',
    'Each citation gets a verdict (supported, partially_supported, contradicted, not_supported, not_in_library), a score with the support and contradiction behind it (0-1), the evidence sentence with its span, conflicts (negation, direction, numbers), and the part of the sentence it was judged for when the sentence cites different papers for different parts; each claim gets suggestions of library papers that back it better.',
    PAPER_TEXT_IS_DATA,
  ].join(' '),
  input: zVerifyCitationsInput,
  output: zVerifyCitationsOutput,
  async run(request, { reader, config }) {
    const library = libraryOfIndex(reader);
    const { judge, notice } = await createJudge(library.statistics, config);
    const { tookMs: _tookMs, ...response } = await verifyTextWith(library, request, judge);
    return notice ? { ...response, notice } : response;
  },
});
