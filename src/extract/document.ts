/**
 * The text being drafted, as the rules see it: extraction sentences (sentences.ts: the loader's
 * sentences, joined again where they broke after an abbreviation), the paragraph of each, and the
 * resolved mentions of each.
 */
import type { EvidenceInput } from '../facts/format';
import { type EntityIndex, type ResolvedMention, resolveEntities } from './entities';
import { documentCues, findMentions } from './mentions';
import { evidenceIn, type ExtractionSentence, extractionSentences } from './sentences';

/** One sentence as the rules read it; see sentences.ts. */
export type DraftSentence = ExtractionSentence;

/** Sentences, entities and mentions of one text. */
export interface AnalysedText {
  /** The whole text. */
  text: string;
  sentences: DraftSentence[];
  index: EntityIndex;
  /** Resolved mentions of sentence `n` (1-based), in text order. */
  mentionsIn(n: number): ResolvedMention[];
  /** Evidence (the loader's sentence number and an excerpt) for characters `from`..`to` of sentence `n`. */
  evidence(n: number, from: number, to: number): EvidenceInput;
}

/** Splits, finds mentions and resolves them to entities. */
export function analyse(text: string): AnalysedText {
  const sentences = extractionSentences(text);
  const evidence = (n: number, from: number, to: number) => evidenceIn(sentences[n - 1], from, to);
  const cues = documentCues(text);
  const index = resolveEntities(
    sentences.flatMap((s, i) =>
      findMentions(s.number, s.text, {
        headline: isHeadline(s, text),
        paragraphStart: i === 0 || sentences[i - 1].paragraph !== s.paragraph,
        organisations: cues.organisations,
        persons: cues.persons,
        institutions: cues.institutions,
      }),
    ),
    (m) => evidence(m.sentence, m.start, m.end),
    text,
  );
  const bySentence = new Map<number, ResolvedMention[]>();
  for (const m of index.mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  return { text, sentences, index, mentionsIn: (n) => bySentence.get(n) ?? [], evidence };
}

/**
 * True for a headline: the first paragraph when it is one line without a closing full stop whose
 * longer words are mostly capitalised ("Kerry Concedes US Presidential Race to Bush"). Headline
 * case capitalises every word, so a capital there says nothing about a name.
 */
export function isHeadline(s: DraftSentence, text: string): boolean {
  if (s.paragraph !== 0 || s.number !== 1) return false;
  const line = text.slice(s.start).split('\n')[0];
  if (line.length !== s.text.length || /[.]$/.test(line.trim())) return false;
  const words = line.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * 0.6;
}
