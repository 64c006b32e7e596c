/**
 * The text being drafted, as the rules see it: numbered sentences (splitSentences, the one
 * numbering evidence uses), the paragraph of each, and the resolved mentions of each.
 */
import { splitSentences } from '../facts/sentences';
import { type EntityIndex, type ResolvedMention, resolveEntities } from './entities';
import { findMentions } from './mentions';

/** One sentence with its paragraph number (each non-empty line is a paragraph). */
export interface DraftSentence {
  number: number;
  text: string;
  paragraph: number;
}

/** Sentences, entities and mentions of one text. */
export interface AnalysedText {
  sentences: DraftSentence[];
  index: EntityIndex;
  /** Resolved mentions of sentence `n` (1-based), in text order. */
  mentionsIn(n: number): ResolvedMention[];
}

/** Splits, finds mentions and resolves them to entities. */
export function analyse(text: string): AnalysedText {
  const sentences = splitSentences(text).map((s) => ({
    number: s.number,
    text: s.text,
    paragraph: (text.slice(0, s.start).match(/\n/g) ?? []).length,
  }));
  const index = resolveEntities(sentences.flatMap((s) => findMentions(s.number, s.text)));
  const bySentence = new Map<number, ResolvedMention[]>();
  for (const m of index.mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  return { sentences, index, mentionsIn: (n) => bySentence.get(n) ?? [] };
}
