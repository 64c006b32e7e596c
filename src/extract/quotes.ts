/**
 * Direct quotes and who said them. A quote is a passage in curly or straight double quotes of at
 * least four words (shorter ones are mostly scare quotes). Its speaker is found by these forms,
 * tried in order:
 *
 *   “…,” said X            “…,” X said / X told reporters / X added
 *   “…,” according to X    X said: “…”   /   According to X, “…”
 *   “…,” he said           (he/she resolved only when safe, see `resolvePronoun`)
 *   a sentence that is only a quote, right after an attributed quote in the same paragraph,
 *   continues that speaker's quote.
 *
 * X must be a person, organisation, group or country mention that is not a possessive ("Putin’s
 * adviser, Yuri Ushakov" names Ushakov). When no form fits, or the pronoun is not safe, the quote
 * is kept without a speaker rather than given a guessed one.
 */
import type { EvidenceInput } from '../facts/format';
import type { AnalysedText } from './document';
import type { ResolvedMention } from './entities';
import { SPEECH_VERB_PATTERN } from './lexicon';

/** A quote found in the text. */
export interface QuoteFinding {
  sentence: number;
  /** The quoted words without the quote marks (a trailing comma dropped). */
  text: string;
  /** The quote with its marks, as it stands in the sentence. */
  excerpt: string;
  speakerId?: string;
  /** Evidence for the SAID relationship: the words that attribute the quote. */
  attribution?: EvidenceInput;
}

/** Speech attributed to someone, quoted or not ("Zelensky said he was open..."). */
interface Attribution {
  sentence: number;
  /** Offset in the sentence of the speaker's mention, to order attributions against pronouns. */
  at: number;
  speakerId: string;
}

const SPEAKER_KINDS = new Set(['person', 'organization', 'group', 'country']);
const VERB = new RegExp(`^(?:\\s+(?:also|later|then|previously|earlier))?\\s+(${SPEECH_VERB_PATTERN})\\b`);
const QUOTE = /“([^“”]+)”|"([^"]+)"/g;

const canSpeak = (m: ResolvedMention) => SPEAKER_KINDS.has(m.kind) && !m.possessive && m.entityId !== '';

/** Finds every quote of the text with its speaker where one can be told. */
export function findQuotes(doc: AnalysedText): QuoteFinding[] {
  const quotes: QuoteFinding[] = [];
  const attributions: Attribution[] = [];
  let previous: { paragraph: number; quote?: QuoteFinding } = { paragraph: -1 };

  for (const s of doc.sentences) {
    const mentions = doc.mentionsIn(s.number);
    // Reported speech ("X said ...") is an attribution a later "he" may refer back to.
    for (const m of mentions.filter(canSpeak)) {
      if (VERB.test(s.text.slice(m.end))) attributions.push({ sentence: s.number, at: m.start, speakerId: m.entityId });
    }
    let last: QuoteFinding | undefined;
    for (const q of s.text.matchAll(QUOTE)) {
      const inner = (q[1] ?? q[2]).trim();
      if (inner.split(/\s+/).length < 4) continue;
      const start = q.index;
      const end = start + q[0].length;
      const quote: QuoteFinding = { sentence: s.number, text: inner.replace(/,$/, ''), excerpt: q[0] };
      const found =
        speakerAfter(s.text, end, mentions) ??
        speakerBefore(s.text, start, mentions) ??
        pronounAfter(doc, s.number, s.text, end, attributions);
      if (found) {
        quote.speakerId = found.speakerId;
        quote.attribution = { sentence: s.number, excerpt: found.excerpt };
        attributions.push({ sentence: s.number, at: end, speakerId: found.speakerId });
      } else if (start === 0 && end === s.text.length && previous.paragraph === s.paragraph && previous.quote?.speakerId) {
        // A sentence that is only a quote continues the quote before it in the same paragraph.
        quote.speakerId = previous.quote.speakerId;
        quote.attribution = previous.quote.attribution;
      }
      quotes.push(quote);
      last = quote;
    }
    previous = { paragraph: s.paragraph, quote: last };
  }
  return quotes;
}

interface Found {
  speakerId: string;
  excerpt: string;
}

/** `“…,” said X`, `“…,” X said`, `“…,” according to X`. */
function speakerAfter(text: string, quoteEnd: number, mentions: ResolvedMention[]): Found | undefined {
  const rest = text.slice(quoteEnd);
  // "said X ...": the speaker is the first mention before the clause ends.
  const verbFirst = new RegExp(`^[\\s,]*(${SPEECH_VERB_PATTERN}|according to)\\s+`).exec(rest);
  if (verbFirst) {
    const from = quoteEnd + verbFirst[0].length;
    const clauseEnd = from + (/[.;:!?]|\s(who|which|that|when|after|before|while)\s/.exec(text.slice(from))?.index ?? text.length - from);
    const speaker = mentions.find((m) => m.start >= from && m.end <= clauseEnd && canSpeak(m));
    if (speaker) return { speakerId: speaker.entityId, excerpt: text.slice(quoteEnd + verbFirst[0].indexOf(verbFirst[1]), speaker.end) };
    return undefined;
  }
  // "X said": the first mention after the quote, followed by the verb.
  const speaker = mentions.find((m) => m.start >= quoteEnd && canSpeak(m));
  if (!speaker || !/^[\s,]*$/.test(text.slice(quoteEnd, speaker.start))) return undefined;
  const verb = VERB.exec(text.slice(speaker.end));
  return verb ? { speakerId: speaker.entityId, excerpt: text.slice(speaker.start, speaker.end + verb[0].length) } : undefined;
}

/** `X said: “…”`, `According to X, “…”`. */
function speakerBefore(text: string, quoteStart: number, mentions: ResolvedMention[]): Found | undefined {
  const before = text.slice(0, quoteStart);
  const speaker = [...mentions].reverse().find((m) => m.end <= quoteStart && canSpeak(m));
  if (!speaker) return undefined;
  const between = before.slice(speaker.end);
  if (new RegExp(`^(?:\\s+(?:also|later|then))?\\s+(${SPEECH_VERB_PATTERN})(?:\\s+\\w+)?\\s*[:,]\\s*$`).test(between)) {
    return { speakerId: speaker.entityId, excerpt: text.slice(speaker.start, quoteStart).trimEnd() };
  }
  if (/^,\s*$/.test(between) && /according to\s+$/i.test(before.slice(0, speaker.start))) {
    const from = before.slice(0, speaker.start).search(/according to\s+$/i);
    return { speakerId: speaker.entityId, excerpt: text.slice(from, speaker.end) };
  }
  return undefined;
}

/** `“…,” he said`: the pronoun, resolved when safe. */
function pronounAfter(doc: AnalysedText, sentence: number, text: string, quoteEnd: number, attributions: Attribution[]): Found | undefined {
  const m = new RegExp(`^[\\s,]*((?:he|she)(?:\\s+(?:also|later|then))?\\s+(?:${SPEECH_VERB_PATTERN})(?:\\s+reporters)?)\\b`).exec(text.slice(quoteEnd));
  if (!m) return undefined;
  const speakerId = resolvePronoun(doc, sentence, quoteEnd, attributions);
  return speakerId ? { speakerId, excerpt: m[1] } : undefined;
}

/**
 * Whom "he" or "she" at offset `at` of sentence `sentence` refers to, or undefined when that is not
 * safe to say. Safe means one of:
 *  - the latest attribution (quoted or reported speech) is in this sentence or the one before, and
 *    no other person is mentioned between its speaker and the pronoun; or
 *  - with no such attribution, exactly one person is mentioned in this sentence (before the
 *    pronoun) and the one before.
 * Gender is not checked (the text does not give it), which is why the window is this short.
 */
function resolvePronoun(doc: AnalysedText, sentence: number, at: number, attributions: Attribution[]): string | undefined {
  const persons = (from: { sentence: number; at: number }) =>
    [sentence - 1, sentence]
      .flatMap((n) => doc.mentionsIn(n).map((m) => ({ ...m, n })))
      .filter((m) => m.kind === 'person' && m.entityId !== '')
      .filter((m) => (m.n > from.sentence || (m.n === from.sentence && m.start >= from.at)) && (m.n < sentence || m.start < at));
  const latest = [...attributions].reverse().find((a) => a.sentence < sentence || (a.sentence === sentence && a.at < at));
  if (latest && latest.sentence >= sentence - 1) {
    const others = persons(latest).filter((m) => m.entityId !== latest.speakerId);
    return others.length === 0 ? latest.speakerId : undefined;
  }
  const ids = new Set(persons({ sentence: sentence - 1, at: 0 }).map((m) => m.entityId));
  return ids.size === 1 ? [...ids][0] : undefined;
}
