/**
 * Direct quotes and who said them. A quote is a passage in double quotes (curly or straight),
 * guillemets, or curly single quotes, of at least two words (one-word quotes are mostly scare
 * quotes); quotes are found per paragraph, so a quote running over several sentences is one quote,
 * and a quote left open at the end of a paragraph (news style for a quote that goes on) ends there.
 * Its speaker is found by these forms, tried in order (rule names in brackets):
 *
 *   “…,” said X / “…,” X said / “…,” X told reporters / “…,” according to X        [after]
 *   “…,” X, the party's leader, said                                                [after-apposition]
 *   “…,” he said / “…,” she added                      the last named person (of two, the subject) [pronoun]
 *   “…,” said Globex chief executive X                  the person, not the title's owner [after]
 *   “…,” the statement added / the agency said / X’s statement reads   the last organisation quoted  [statement]
 *   “…,” the ministry said / The army said: “…”         the organisation last named with that noun [statement]
 *   “…,” according to a post on X’s Twitter account    X, not the platform               [after]
 *   X, in a statement, called it “…” / The statement, issued by X, said “…”          [subject]
 *   “…,” it said / It said the truce was “…”            the last organisation or group    [pronoun]
 *   “…,” it read / “…,” reads a statement from X       the same; X                       [pronoun] [after]
 *   According to the statement, “…”                    the organisation quoted or named last [statement]
 *   SANA reported that the army “…”                     the subject of "reported"         [subject]
 *   X called the decision “…” / X urged voters to “…”   the subject of the verb           [subject]
 *   X thanked Y for …, emphasising “…” / X echoed Y describing it as “…”   the participle's subject [subject]
 *   A statement from X said the talks were “…”          the statement's author            [subject]
 *   The rebels, according to X, were “…” / “…” – X       the source named / the signature  [before] [after]
 *   “…,” the 56-year-old said                           the last named person             [descriptor]
 *   X told Y: “…”                                       X, not Y                          [before]
 *   “…,” the Labour leader said                         the person holding that office, else the last speaker [descriptor]
 *   “…,” Norway’s foreign minister / the premier said   the office's holder ("premier" a prime minister, "leader" a head of state or government) [descriptor]
 *   X said: “…” / X said in a statement, “…” / X: “…” / According to X, “…”        [before]
 *   X, Managing Director, Acme Foods, said: “…” (or said the plan will “…”)   X, not the company [before] [subject]
 *   X said the people are “ready for change”           the subject of the speech verb before it [subject]
 *   X has announced a “…” / X refused to put an “…” on it   the name right before a verb in the past [subject]
 *   Y quoted X as saying (telling, adding) “…” / X was quoted as saying              [quoted-as-saying]
 *   A Trade Ministry statement said … “…” / The statement said … “…”   the statement's author [subject] [statement]
 *   the spokesman for X, Y, confirmed … (then “…,” he said)            Y, not X          [pronoun]
 *   “…,” X was quoted as saying                                                      [after]
 *   “…,” X, a 48-year-old lawyer said / “…,” senior official, X, said   one comma will do [after-apposition]
 *   “…,” X, 19, told / “…,” the mayor of Z, X, told / “…,” X from the Y Institute told            [after-apposition]
 *   X will stress the “…” when …, according to Y.     the source closing the sentence    [after]
 *   “…,” agreed X / “…,” the charity X, known by its initials Y, said   X                  [after] [after-apposition]
 *   “…,” said the statement / “…,” the union said       the author (“X issued a statement”) or the union [statement]
 *   “…,” in southern Turkey, she said                   a place between; “she” not a man's given name [pronoun]
 *   a quote right after an attributed quote of the same sentence, or a sentence that is only a
 *   quote right after an attributed quote in the same paragraph, or the quote opening a paragraph
 *   after one whose last quote was left open, or a paragraph that is only a quote right after a
 *   paragraph whose last quote was attributed, or a paragraph that is only a quote right after a
 *   paragraph whose last sentence reports one speaker's words ("X said in a statement:"), continues
 *   that speaker                                                                      [continues]
 *
 * X is a person, organisation, group or country mention that is not a possessive. Each attribution
 * says which rule made it and how sure the rules are (`confidence`). When no form fits, or a pronoun
 * could be two people, the quote is kept without a speaker rather than given a guessed one.
 */
import type { EvidenceInput } from '../facts/format';
import type { AnalysedText } from './document';
import { lookupCountry } from './gazetteer';
import { firstFrom, MENTION_REACH, type ResolvedMention } from './entities';
import { isNameTitleAbbreviation, isOfficeNoun, OFFICE_NOUNS, SPEECH_VERB_PATTERN } from './lexicon';
import { type OfficeFinding, officeHolder, titleHas } from './offices';
import { pronounOfName } from './tokens';

/** A quote found in the text. */
export interface QuoteFinding {
  /** The rules' sentence number (see sentences.ts) where the quote starts. */
  sentence: number;
  /** The quoted words without the quote marks (a trailing comma dropped). */
  text: string;
  /** Evidence for the Statement: the quote where it starts. */
  evidence: EvidenceInput;
  speakerId?: string;
  /** Evidence for the SAID relationship: the words that attribute the quote. */
  attribution?: EvidenceInput;
  /** The rule that found the speaker. */
  rule?: string;
  /** How sure that rule is, 0..1. */
  confidence?: number;
}

/** A mention with offsets into the whole text. */
interface Placed extends ResolvedMention {
  at: number;
  to: number;
  sentenceStart: number;
}

/** Speech attributed to a speaker ("Zelensky said ...", a quote's speaker), in text order. */
interface Attribution {
  at: number;
  speakerId: string;
  kind: string;
}

const SPEAKER_KINDS = new Set(['person', 'organization', 'group', 'country']);
// "SANA reported that ...": news agencies and outlets report rather than say; kept out of the shared
// speech verbs, where "Reuters reported" would make a one-word name a person.
const V = `(?:${SPEECH_VERB_PATTERN}|reported|reports|agreed)`;
const ADVERB = '(?:\\s+(?:also|later|then|previously|earlier|again|further|separately|simply|meanwhile|had|has))?';
const VERB_BEFORE = new RegExp(`\\b${V}\\s+$`);
const PRONOUN = /^(?:he|she|it)$/i;
/**
 * Verbs that put words in the subject's mouth without being speech verbs: "X called the decision
 * “a disgrace”", "X urged voters to “stay at home”". Only read before a quote in the same sentence.
 */
const JUDGE_VERBS =
  'vowed|lamented|called on|called|described|urged|promised|pledged|accused|denounced|condemned|praised|hailed|branded|dismissed|welcomed|criticised|criticized|slammed|expressed';
const VERB_AFTER = new RegExp(`^${ADVERB}\\s+${V}\\b`);
/** "X meanwhile welcomed …": a verb of judging after a name that is no object of a preposition reports X's words too. */
const JUDGE_AFTER = new RegExp(`^${ADVERB}\\s+(?:${JUDGE_VERBS})\\b`);
/** Participles that carry a quote in a clause of the sentence's subject ("…, emphasising “…”"). */
const PARTICIPLES =
  'saying|adding|describing|calling|emphasi[sz]ing|stressing|noting|warning|urging|vowing|insisting|promising|pledging|declaring|terming|branding';
const PARTICIPLE = new RegExp(`^(?:${PARTICIPLES})$`);
/** Nothing but an adverb and spaces ("Musk later tweeted"). */
const ADVERB_ONLY = new RegExp(`^${ADVERB}\\s+$`);

/** Nouns that stand for the organisation last quoted: "the statement added", "the agency said". */
const STATEMENT_NOUNS =
  'statement|tweet|ministry|post|release|communiqu[eé]|readout|agency|company|firm|group|government|army|military|alliance|faction|movement|party|council|office|observatory|organisation|organization|department|union';
/** ", in an official statement, said", ", 22, said": an apposition between a speaker and the verb. */
const APPOSITION_VERB = new RegExp(`^,[^,.;:?!“”"]{1,80},${ADVERB}\\s+${V}\\b`);

/** Confidence of each speaker rule: how often that form names the right speaker in news writing. */
const CONFIDENCE: Record<string, number> = {
  after: 0.95,
  'after-apposition': 0.9,
  before: 0.9,
  'quoted-as-saying': 0.9,
  statement: 0.8,
  continues: 0.8,
  pronoun: 0.75,
  subject: 0.75,
  descriptor: 0.7,
};

const OFFICE_NOUN_PATTERN = OFFICE_NOUNS.join('|');

const canSpeak = (m: ResolvedMention) => SPEAKER_KINDS.has(m.kind) && !m.possessive && m.entityId !== '';

/** Quote spans of one paragraph: [start, end) with the inner text, offsets into the paragraph. */
export function quoteSpans(paragraph: string): { start: number; end: number; inner: string }[] {
  const spans: { start: number; end: number; inner: string }[] = [];
  const patterns = [
    /“([^“”]+)(?:”|$)/g,
    // A straight mark followed by a space closes a quote opened in an earlier paragraph; it opens none.
    /(?<![\p{L}\p{N}])"(?=\S)([^"]+)(?:"|$)/gu,
    // Some sites print a closing mark for both ends (”…”): one at the start of a word opens a quote.
    /(?<=^|[\s([—–])”(?=[^\s”])([^“”]+)(?:”|$)/gu,
    /«\s*([^«»"”]+?)\s*(?:»|["”]|$)/g,
    /(?<![\p{L}\p{N}])‘((?:[^‘’]|’(?=\p{L}))+)’(?![\p{L}])/gu,
    /(?<![\p{L}\p{N}])'((?:[^'\n]|'(?=\p{L}))+)'(?![\p{L}])/gu,
  ];
  for (const pattern of patterns) {
    for (const m of paragraph.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (spans.some((s) => start < s.end && end > s.start)) continue; // nested or overlapping: the outer one counts
      spans.push({ start, end, inner: m[1] });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Finds every quote of the text with its speaker where one can be told. */
export function findQuotes(doc: AnalysedText, offices: OfficeFinding[] = []): QuoteFinding[] {
  const quotes: QuoteFinding[] = [];
  const placed: Placed[] = doc.sentences.flatMap((s) =>
    doc.mentionsIn(s.number).map((m) => ({ ...m, at: s.start + m.start, to: s.start + m.end, sentenceStart: s.start })),
  );
  const text = doc.text;
  const attributions: Attribution[] = [];
  const kinds = new Map<string, string>();
  for (const m of placed) if (!kinds.has(m.entityId)) kinds.set(m.entityId, m.kind);
  const kindOf = (id: string) => kinds.get(id) ?? '';
  const sentenceStarts = doc.sentences.map((s) => s.start);

  // Reported speech ("X said ...") is an attribution a later "he" or "the statement" may refer to.
  // (`placed` is in text order: a mention holding another starts at most MENTION_REACH before it, or with it.)
  const holds = (o: Placed, m: Placed) => o !== m && o.at <= m.at && o.to >= m.to && o.to - o.at > m.to - m.at;
  const nested = (m: Placed, i: number) => {
    for (let j = i - 1; j >= 0 && placed[j].at > m.at - MENTION_REACH; j -= 1) if (holds(placed[j], m)) return true;
    for (let j = i + 1; j < placed.length && placed[j].at === m.at; j += 1) if (holds(placed[j], m)) return true;
    return false;
  };
  const speakers = placed.filter((x, i) => canSpeak(x) && !nested(x, i));
  /** "the spokesman for X, Y, said": Y, the name in apposition to the one after "for", speaks (not X). */
  const apposition = (m: Placed) =>
    /\b(?:for|of|to)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+)*$/u.test(text.slice(Math.max(0, m.at - 40), m.at))
      ? speakers.find(
          (y) => y.kind === 'person' && /^,\s*$/.test(text.slice(m.to, y.at)) && new RegExp(`^,${ADVERB}\\s+${V}\\b`).test(text.slice(y.to, y.to + 40)),
        )
      : undefined;
  for (const m of speakers) {
    const apposed = apposition(m);
    if (apposed) attributions.push({ at: apposed.at, speakerId: apposed.entityId, kind: apposed.kind });
    if (
      VERB_AFTER.test(text.slice(m.to, m.to + 40)) ||
      (JUDGE_AFTER.test(text.slice(m.to, m.to + 40)) && !afterPreposition(text, m.at)) ||
      /^\s+quoted\b/.test(text.slice(m.to, m.to + 10)) || // "the Foreign Office quoted X as saying
      (APPOSITION_VERB.test(text.slice(m.to, m.to + 120)) && !apposed) ||
      (VERB_BEFORE.test(text.slice(Math.max(0, m.at - 30), m.at)) && /^\s*[.,]/.test(text.slice(m.to, m.to + 3))) || // "…, said Xi."
      (m.kind !== 'person' && statementAuthor(text, m))
    )
      attributions.push({ at: m.at, speakerId: m.entityId, kind: m.kind });
  }

  /** The one speaker whose words a sentence reports ("X said …", "…, said X"), with the evidence of the name. */
  const reportedIn = (sentence: (typeof doc.sentences)[number] | undefined): { speakerId: string; evidence: EvidenceInput } | undefined => {
    if (!sentence) return undefined;
    const end = sentence.start + sentence.text.length;
    const said = attributions.filter((a) => a.at >= sentence.start && a.at < end);
    if (!said.length || new Set(said.map((a) => a.speakerId)).size > 1) return undefined;
    // (A quote's attribution stands at the quote's end, with no name there: that sentence had a quote.)
    const m = placed.find((x) => x.at === said[0].at && x.entityId === said[0].speakerId);
    if (!m) return undefined;
    return { speakerId: m.entityId, evidence: doc.evidence(sentence.number, m.at - sentence.start, m.to - sentence.start) };
  };
  const paragraphs = new Map<number, typeof doc.sentences>();
  for (const s of doc.sentences) paragraphs.set(s.paragraph, [...(paragraphs.get(s.paragraph) ?? []), s]);

  // News style runs a quote over paragraphs by leaving it open at the end of one and opening the
  // next with a quote mark: the quote that opens the next paragraph continues the same speaker.
  let openAtEnd: QuoteFinding | undefined;
  /** The last quote of the paragraph just before, when that paragraph had one. */
  let lastBefore: QuoteFinding | undefined;
  for (const sentences of paragraphs.values()) {
    const pStart = sentences[0].start;
    const pEnd = sentences[sentences.length - 1].start + sentences[sentences.length - 1].text.length;
    const paragraph = text.slice(pStart, pEnd);
    let previous: QuoteFinding | undefined;
    let previousSentence = -1;
    const carried = openAtEnd;
    openAtEnd = undefined;
    const quoteBefore = lastBefore;
    lastBefore = undefined;
    const spans = quoteSpans(paragraph);
    // The rest of a quote left open in the paragraph before runs to the first closing mark, when no
    // mark opens before it: “… (paragraph) … fruitful discussion,” Kaifu said.
    const close = carried ? /^[^“"«]*?[^\s“"«]([”"»])(?=[\s,.;:]|$)/u.exec(paragraph) : null;
    if (close && !spans.some((sp) => sp.start < close[0].length)) {
      spans.unshift({ start: 0, end: close[0].length, inner: paragraph.slice(0, close[0].length - 1) });
    }
    for (const span of spans) {
      const inner = span.inner.trim().replace(/[,\s]+$/, '');
      if (inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < 2) continue;
      const start = pStart + span.start;
      const end = pStart + span.end;
      const s = sentences.find((x) => start >= x.start && start < x.start + x.text.length) ?? sentences[0];
      const sEnd = s.start + s.text.length;
      const quote: QuoteFinding = { sentence: s.number, text: inner, evidence: doc.evidence(s.number, start - s.start, Math.min(end, sEnd) - s.start) };
      const inQuote = (m: Placed) => m.at >= start && m.to <= end;
      // A quote of several sentences is attributed after it ends ("« … » X said"): the sentence where
      // it ends holds the attribution as much as the one where it starts.
      const last = sentences.find((x) => end - 1 >= x.start && end - 1 < x.start + x.text.length) ?? s;
      // The names of those sentences outside the quote, as far as REACH either side of it.
      const mentions: Placed[] = [];
      const reachEnd = Math.min(last.start + last.text.length, end + REACH);
      const first = firstFrom(placed, Math.max(s.start, start - REACH), (m) => m.at);
      for (let i = first < 0 ? placed.length : first; i < placed.length && placed[i].at < reachEnd; i += 1)
        if (placed[i].sentenceStart >= s.start && placed[i].sentenceStart <= last.start && !inQuote(placed[i])) mentions.push(placed[i]);
      const found =
        speakerAfter(text, end, mentions, placed) ??
        speakerBefore(text, start, s.start, mentions) ??
        quotedAsSaying(text, start, s.start, mentions) ??
        accordingToStatement(text, start, s.start, placed, attributions) ??
        pronounOrDescriptor(text, end, start, placed, attributions, offices, kindOf, sentenceStarts) ??
        subjectBefore(text, start, s.start, mentions, placed, attributions, offices, sentenceStarts) ??
        sentenceEndSpeaker(text, end, last.start + last.text.length, mentions) ??
        subjectOfVerb(text, start, s.start, mentions);
      // The sentence before, in this paragraph, or, for a paragraph that is only this quote, the last
      // sentence of the paragraph before ("X said in a statement:" (new paragraph) “…”).
      const quoteOnly = span.start === 0 && !/\p{L}/u.test(paragraph.slice(span.end));
      const sentenceBefore = doc.sentences.find((x) => x.number === s.number - 1);
      const reported =
        start === s.start && !previous && sentenceBefore && (sentences.includes(sentenceBefore) || quoteOnly) ? reportedIn(sentenceBefore) : undefined;
      if (found) {
        const at = found.from >= last.start ? last : s;
        quote.speakerId = found.speakerId;
        quote.attribution = doc.evidence(at.number, Math.max(0, found.from - at.start), Math.min(found.to, at.start + at.text.length) - at.start);
        quote.rule = found.rule;
        attributions.push({ at: end, speakerId: found.speakerId, kind: kindOf(found.speakerId) });
        // The paragraph before held the start of this quote: its attribution is this one.
        if (carried && !carried.speakerId && span.start === 0 && !previous) {
          carried.speakerId = quote.speakerId;
          carried.attribution = quote.attribution;
          carried.rule = 'continues';
          carried.confidence = CONFIDENCE.continues;
        }
      } else if (previous?.speakerId && (previousSentence === s.number || (start === s.start && previousSentence === s.number - 1))) {
        // Another quote of the same sentence, or a sentence that is only a quote, continues the speaker before it.
        quote.speakerId = previous.speakerId;
        quote.attribution = previous.attribution;
        quote.rule = 'continues';
      } else if (carried?.speakerId && span.start === 0 && !previous) {
        quote.speakerId = carried.speakerId;
        quote.attribution = carried.attribution;
        quote.rule = 'continues';
      } else if (reported) {
        // A sentence that is only a quote, after a sentence of the paragraph that reports one
        // speaker's words: State-to-state interactions …, said Xi. “I hope …”
        quote.speakerId = reported.speakerId;
        quote.attribution = reported.evidence;
        quote.rule = 'continues';
      } else if (quoteBefore?.speakerId && span.start === 0 && !previous && !/\p{L}/u.test(paragraph.slice(span.end))) {
        // A paragraph that is only a quote, right after a paragraph whose last quote was attributed,
        // goes on in that speaker's voice: “…,” Mr Shorten said. (new paragraph) “I have spoken …”
        quote.speakerId = quoteBefore.speakerId;
        quote.attribution = quoteBefore.attribution;
        quote.rule = 'continues';
      }
      if (!/[”"»’']$/.test(paragraph.slice(span.start, span.end))) openAtEnd = quote;
      if (quote.rule) quote.confidence = CONFIDENCE[quote.rule];
      quotes.push(quote);
      previous = quote;
      previousSentence = last.number;
      lastBefore = quote;
    }
  }
  return quotes;
}

/**
 * "According to the statement, “…”": the organisation whose statement the text told of last (the
 * latest one quoted, or else the one last named), as "the statement added" after a quote.
 */
function accordingToStatement(text: string, quoteStart: number, sentenceStart: number, placed: Placed[], attributions: Attribution[]): Found | undefined {
  const source = new RegExp(`\\b[Aa]ccording to (?:the|a|its)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:${STATEMENT_NOUNS}),\\s*$`, 'u').exec(
    text.slice(sentenceStart, quoteStart),
  );
  if (!source) return undefined;
  const at = sentenceStart + source.index;
  const last = [...attributions].reverse().find((a) => a.at < at && a.kind !== 'person') ?? lastActor(text, at, placed, attributions);
  return last && { speakerId: last.speakerId, from: at, to: at + source[0].length, rule: 'statement' };
}

/**
 * "Deutsche Boerse has announced a “major milestone”", "Mr Laws refused to put an “artificial
 * timescale” on it": the name right before a verb in the past, with nothing but its objects between
 * the verb and the quote.
 */
function subjectOfVerb(text: string, quoteStart: number, sentenceStart: number, mentions: Placed[]): Found | undefined {
  const subject = [...mentions].reverse().find((m) => m.to <= quoteStart && m.at >= sentenceStart && canSpeak(m));
  if (!subject) return undefined;
  const verb = /^\s+(?:(?:also|has|have|had|earlier|later|then|again)\s+)*[a-z]{2,}ed\b/.exec(text.slice(subject.to, quoteStart));
  if (!verb || /[.;:“”"«»]/.test(text.slice(subject.to, quoteStart))) return undefined;
  if (afterPreposition(text, subject.at, sentenceStart)) return undefined;
  return { speakerId: subject.entityId, from: subject.at, to: subject.to + verb[0].length, rule: 'subject' };
}

/** True when the name at `at` is the object of a preposition ("talks with the Fisheries Council"), looking back no further than `from`. */
function afterPreposition(text: string, at: number, from = 0): boolean {
  return /\b(?:in|at|to|from|of|with|by|for|on|between|against)\s+(?:the\s+)?$/.test(text.slice(Math.max(from, at - 20), at));
}

interface Found {
  speakerId: string;
  /** Offsets into the whole text of the attributing words. */
  from: number;
  to: number;
  rule: string;
}

/**
 * `“…,” said X`, `“…,” X said`, `“…,” X, a commander in the Y faction, said`, `“…,” Veolia CEO Antoine
 * Frerot said in a statement`, `“…” in the town of Z, X said`, `“…,” according to X`.
 */
function speakerAfter(text: string, quoteEnd: number, mentions: Placed[], placed: Placed[] = mentions): Found | undefined {
  const rest = maskStops(text.slice(quoteEnd, quoteEnd + 200));
  // "“…” – Henrik Dahl": a name alone after a dash at the end of the sentence signs the quote.
  const dash = /^\s*[–—-]\s*/.exec(rest);
  const signed = dash && mentions.find((m) => m.at === quoteEnd + dash[0].length && m.kind === 'person' && canSpeak(m));
  if (signed && /^[ \t]*(?:[.,;\n]|$)/.test(text.slice(signed.to, signed.to + 2)))
    return { speakerId: signed.entityId, from: signed.at, to: signed.to, rule: 'after' };
  const verbFirst = new RegExp(`^[\\s,]*(${V}|according to|reads?)\\s+`).exec(rest);
  if (verbFirst) {
    const from = quoteEnd + verbFirst[0].length;
    // "according to a post on the ministry’s Twitter account": the account's owner, not the platform.
    const account =
      /^(?:an?\s+)?(?:post|tweet|message|statement)\s+(?:on|from)\s+(?:the\s+)?((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)['’]s?\s+(?:official\s+)?(?:[\p{L}]+\s+)?(?:account|page|channel|handle)\b/iu.exec(
        text.slice(from),
      );
    if (account) {
      const owner = mentions.find((m) => m.at >= from && m.to <= from + account[0].length && m.possessive && SPEAKER_KINDS.has(m.kind) && m.entityId);
      const speakerId = owner?.entityId ?? namedBy(account[2], from, placed)?.speakerId;
      if (speakerId) return { speakerId, from: quoteEnd, to: from + account[0].length, rule: 'after' };
    }
    // (Only as far as the last name the quote's sentences hold: nothing after it can be in the clause.)
    const lastTo = mentions.reduce((to, m) => Math.max(to, m.to), from);
    const clauseEnd =
      from + (/[.;:!?“"«]|\s(who|which|that|when|after|before|while)\s/.exec(maskStops(text.slice(from, lastTo + 20)))?.index ?? text.length - from);
    const inClause = mentions.filter((m) => m.at >= from && m.to <= clauseEnd && canSpeak(m));
    // "said Globex chief executive Maria Rossi": a name before a title owns the title; the person
    // after it is the speaker.
    const owner = inClause[0];
    const titled = owner && owner.kind !== 'person' ? inClause.find((m) => m.kind === 'person' && isTitleBetween(text.slice(owner.to, m.at))) : undefined;
    const speaker = titled ?? inClause[0];
    if (speaker) return { speakerId: speaker.entityId, from: quoteEnd + verbFirst[0].indexOf(verbFirst[1]), to: speaker.to, rule: 'after' };
    // "“…,” adds the press service": the organisation last named with that noun.
    // (The head is the last word of the phrase: "the press service", not "the press".)
    const described = /^the\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}]+)\b(?!\s+[\p{Ll}]+\s*(?:[.,;:]|$))/u.exec(text.slice(from));
    const named = described ? namedBy(described[1], from, placed) : undefined;
    if (named) return { speakerId: named.speakerId, from: quoteEnd + verbFirst[0].indexOf(verbFirst[1]), to: from + described![0].length, rule: 'statement' };
    return undefined;
  }
  // The speech verb of the clause after the quote, and the speaker just before it.
  const clause = /^[^.;!?“”"«»]*/.exec(rest)![0];
  // "“…,” X was quoted as saying in Friday's newspaper".
  const verb = new RegExp(`\\b(?:(?:was|is|has been)\\s+quoted\\s+as\\s+saying|${V})\\b`).exec(clause);
  if (!verb) return undefined;
  const verbAt = quoteEnd + verb.index;
  const before = mentions.filter((m) => m.at >= quoteEnd && m.to <= verbAt && canSpeak(m));
  if (!before.length) return undefined;
  const first = before[0];
  // "‘…’ while Y said, “…”": a conjunction opens a clause of its own, whose speech verb belongs to the next quote.
  if (/^[\s,]*(?:while|whereas|but|and|as|when|after|before)\s/i.test(text.slice(quoteEnd, first.at))) return undefined;
  const speaker = [...before].reverse().find((m) => m.kind === 'person') ?? before[before.length - 1];
  const between = text.slice(speaker.to, verbAt);
  if (/^\s+$/.test(between) || new RegExp(`^${ADVERB}\\s+$`).test(between)) {
    const lead = text.slice(quoteEnd, first.at);
    const simple = /^[\s,]*(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u.test(lead);
    return { speakerId: speaker.entityId, from: speaker.at, to: verbAt + verb[0].length, rule: simple && speaker === first ? 'after' : 'after-apposition' };
  }
  // "“…,” Mohamud Saleh, North Eastern Regional Commander said": a title after the name, with one comma;
  // "“…,” Inna Petrova, a 48-year-old lawyer said": a description, with one comma.
  const title = /^,\s+((?:[\p{L}\p{N}-]+\s+){1,5})$/u.exec(between)?.[1].trim().split(/\s+/);
  // "“…,” senior opposition official, Musalia Mudavadi, said": the description before the name.
  // ("“…,” the deputy mayor of Diabaly, Ousmane Diallo, told": the description may name a place or body.)
  const describedFirst =
    /^,\s*$/.test(between) &&
    /^[\s,]*(?:[\p{Ll}-]+\s+){0,4}[\p{Ll}-]+(?:\s+(?:of|for|in)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s*){1,4})?,\s*$/u.test(text.slice(quoteEnd, speaker.at));
  // "“…,” professor Willi Dietz from the German Institute for Automotive Industries told": where the speaker works.
  const affiliation = /^\s+(?:from|of|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+(?:(?:for|of|and|the)\s+)*){1,6}$/u.test(between);
  if (
    /^,[^,]{1,80},\s*(?:also\s+)?$/.test(between) ||
    (title && (isOfficeNoun(title[title.length - 1].toLowerCase()) || /^(?:a|an)$/.test(title[0]))) ||
    describedFirst ||
    affiliation
  )
    return { speakerId: speaker.entityId, from: speaker.at, to: verbAt + verb[0].length, rule: 'after-apposition' };
  // "“…,” the medical charity Doctors Without Borders, known by its French initials MSF, said": no
  // person named, the first name set off before the verb.
  if (speaker !== first && first.kind !== 'person' && /^,[^,]{1,80},\s*(?:also\s+)?$/.test(text.slice(first.to, verbAt)))
    return { speakerId: first.entityId, from: first.at, to: verbAt + verb[0].length, rule: 'after-apposition' };
  return undefined;
}

/**
 * `X held "frank and constructive" talks with Y, the US State Department reported, according to
 * Reuters.`: the speaker named with a speech verb at the end of the quote's sentence.
 */
function sentenceEndSpeaker(text: string, quoteEnd: number, sentenceEnd: number, mentions: Placed[]): Found | undefined {
  if (sentenceEnd - quoteEnd > REACH) return undefined;
  const tail = maskStops(text.slice(quoteEnd, sentenceEnd));
  const end = new RegExp(
    `,\\s+(?:the\\s+)?[^,;:“”"]{1,60}?\\s+(${V})(?:\\s+(?:on|in|late|earlier)\\s+[^,;:“”"]{1,30})?(?:,\\s+according\\s+to\\s+[^,;:“”"]{1,40})?[.!?]?\\s*$`,
  ).exec(tail);
  if (/[“”"«»]/.test(tail)) return undefined;
  if (end) {
    const verbAt = quoteEnd + end.index + end[0].indexOf(end[1], end[0].indexOf(' '));
    // ("…, Musk later tweeted.": an adverb may stand between.)
    const speaker = [...mentions]
      .reverse()
      .find((m) => m.at > quoteEnd + end.index && m.to <= verbAt && canSpeak(m) && ADVERB_ONLY.test(text.slice(m.to, verbAt)));
    return speaker ? { speakerId: speaker.entityId, from: speaker.at, to: verbAt + end[1].length, rule: 'after' } : undefined;
  }
  // "X will stress the “…” when he meets them, according to Y.": the source named at the end.
  const according = tail.lastIndexOf(', according to ');
  if (according < 0) return undefined;
  const from = quoteEnd + according;
  const source = mentions.find(
    (m) => canSpeak(m) && /^,\s+according\s+to\s+(?:the\s+)?$/.test(text.slice(from, m.at)) && /^[.!?]?\s*$/.test(text.slice(m.to, sentenceEnd)),
  );
  return source ? { speakerId: source.entityId, from, to: source.to, rule: 'after' } : undefined;
}

/**
 * How far, in characters, a quote's attribution is looked for before or after it within its
 * sentence. Real sentences are shorter (the longest of the 313 articles in the corpus has 479
 * characters); the bound keeps a hostile text of one endless sentence from costing time in the
 * square of its length.
 */
const REACH = 1_000;

/** The text with the stops of titles and initials blanked ("Col. Gurung" → "Col  Gurung"), offsets kept. */
function maskStops(text: string): string {
  return text.replace(/\b(\p{L}+)\./gu, (m, word: string) => (/^\p{Lu}$/u.test(word) || isNameTitleAbbreviation(word) ? `${word} ` : m));
}

/** True for the words of a title between an owner and a name: " chief executive ", "’s foreign minister ". */
function isTitleBetween(between: string): boolean {
  const words = between
    .replace(/^['’]s?\b/, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return (
    words.length >= 1 &&
    words.length <= 5 &&
    !/[,;:.]/.test(between) &&
    words.some((w) => isOfficeNoun(w) || /^officials?$/i.test(w)) &&
    words.every((w) => /^[\p{L}-]+$/u.test(w) && !/^(?:and|or|with|to|by|from|in|at|on)$/i.test(w))
  );
}

/** `X said: “…”`, `X said in a statement, “…”`, `X: “…”`, `X, spokesperson of Y, tweeted, “…”`, `According to X, “…”`. */
function speakerBefore(text: string, quoteStart: number, sentenceStart: number, mentions: Placed[]): Found | undefined {
  const before = text.slice(sentenceStart, quoteStart);
  const candidates = [...mentions]
    .reverse()
    .filter((m) => m.to <= quoteStart && canSpeak(m))
    .slice(0, 3);
  // ("X, Managing Director, Acme Foods, said:": two descriptions may stand between.)
  const saysBefore = (speaker: Placed) =>
    new RegExp(`^(?:(?:,[^,“”"«]{1,80}){1,2},?)?${ADVERB}\\s+${V}(?:\\s+[^“”"«.;]{0,60}?)?\\s*[:,]\\s*$`).test(text.slice(speaker.to, quoteStart));
  // "X: “…”", and "X joked: “…”": a person, a verb of any kind and a colon introduce what the person said.
  const colonBefore = (speaker: Placed) =>
    /^\s*:\s*$/.test(text.slice(speaker.to, quoteStart)) ||
    (speaker.kind === 'person' && /^\s+[\p{Ll}]+(?:ed|s)\s*:\s*$/u.test(text.slice(speaker.to, quoteStart)));
  // "X told Y: “…”" is X's: the subject of a speech verb wins over a name right before the colon.
  const speaker =
    candidates.find((m) => m.kind === 'person' && saysBefore(m)) ??
    candidates.find(saysBefore) ??
    candidates.find((m) => m.kind === 'person' && colonBefore(m)) ??
    candidates.find(colonBefore);
  if (speaker) return { speakerId: speaker.entityId, from: speaker.at, to: quoteStart, rule: 'before' };
  for (const speaker of candidates) {
    const between = text.slice(speaker.to, quoteStart);
    if (/^,\s*$/.test(between) && /according to\s+$/i.test(before.slice(0, speaker.at - sentenceStart))) {
      const from = sentenceStart + before.slice(0, speaker.at - sentenceStart).search(/according to\s+$/i);
      return { speakerId: speaker.entityId, from, to: speaker.to, rule: 'before' };
    }
  }
  // "According to X, the deal is “a good start”", "The rebels, according to X, were “tired”": the
  // sentence names its source before the quote.
  for (const opening of before.matchAll(/\b[Aa]ccording to\s+(?:the\s+)?/g)) {
    const source = mentions.find((m) => m.at === sentenceStart + opening.index + opening[0].length && canSpeak(m));
    if (source && /^,/.test(text.slice(source.to, source.to + 1)))
      return { speakerId: source.entityId, from: sentenceStart + opening.index, to: source.to, rule: 'before' };
  }
  return undefined;
}

/** `Xinhua quoted X as saying “…”`, `“…,” X was quoted as saying`. */
function quotedAsSaying(text: string, quoteStart: number, sentenceStart: number, mentions: Placed[]): Found | undefined {
  const clause = text.slice(sentenceStart, quoteStart + 400);
  // "Y quoted X as saying", "Dawn reported citing X as saying".
  const m = /\b(?:quoted|quoting|citing|cited)\s+(\S[^.;]*?)\s+as\s+(?:saying|telling|stating|adding|warning)\b/.exec(clause);
  if (!m) return undefined;
  const from = sentenceStart + m.index;
  const speaker = mentions.find((x) => x.at >= from + m[0].indexOf(m[1]) && x.to <= from + m[0].length && canSpeak(x) && x.kind === 'person');
  return speaker ? { speakerId: speaker.entityId, from, to: from + m[0].length, rule: 'quoted-as-saying' } : undefined;
}

/**
 * `“…,” he said`, `he was quoted ... as saying`, `the statement added`, `the Labour leader said`:
 * a pronoun is the last named person (see `lastPerson`), "the statement" the last organisation or
 * country quoted, an office ("the foreign minister") the person the text gave that office.
 */
function pronounOrDescriptor(
  text: string,
  quoteEnd: number,
  quoteStart: number,
  placed: Placed[],
  attributions: Attribution[],
  offices: OfficeFinding[],
  kindOf: (id: string) => string,
  sentenceStarts: number[],
): Found | undefined {
  const rest = text.slice(quoteEnd, quoteEnd + 120);
  const pronoun = new RegExp(
    // (", in southern Turkey, she said": a place or time may stand between the quote and the pronoun.)
    `^[\\s,]*(?:(?:in|at|on|from)\\s+[^,.;:?!“”"]{1,50},\\s*)?((he|she|it)(?:\\s+(?:was|has|had|also|later|then|further))*\\s+(?:${V}|quoted|went on|read|reads)(?:\\s+reporters)?)\\b`,
    'i',
  ).exec(rest);
  if (pronoun) {
    const speakerId = /^it$/i.test(pronoun[2])
      ? lastActor(text, quoteStart, placed, attributions)?.speakerId
      : lastPerson(text, quoteStart, placed, attributions, sentenceStarts, offices, pronoun[2]);
    const from = quoteEnd + rest.indexOf(pronoun[1]);
    return speakerId ? { speakerId, from, to: from + pronoun[1].length, rule: 'pronoun' } : undefined;
  }
  // ("said the statement": the verb first, as some house styles write it.)
  const statement =
    new RegExp(`^[\\s,]*(the\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(${STATEMENT_NOUNS})\\s+(?:also\\s+)?(?:${V}|reads|read))\\b`, 'iu').exec(rest) ??
    new RegExp(`^[\\s,]*((?:${V}|reads|read)\\s+the\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(${STATEMENT_NOUNS}))\\b(?!\\s+(?:of|from|by|issued|released)\\b)`, 'iu').exec(
      rest,
    );
  if (statement) {
    const anyone = /tweet|post/i.test(statement[1]);
    const last =
      namedBy(statement[2], quoteStart, placed) ??
      // (the latest in the text: reported speech is listed before the quotes' own attributions)
      [...attributions].sort((a, b) => a.at - b.at).findLast((a) => a.at < quoteStart && (anyone || a.kind !== 'person')) ??
      (anyone ? undefined : lastActor(text, quoteStart, placed, attributions));
    const from = quoteEnd + rest.indexOf(statement[1]);
    return last ? { speakerId: last.speakerId, from, to: from + statement[1].length, rule: 'statement' } : undefined;
  }
  // "X’s statement reads": the possessive names the speaker.
  const owner = placed.find(
    (m) => m.at >= quoteEnd && m.possessive && SPEAKER_KINDS.has(m.kind) && m.entityId && /^[\s,]*(?:the\s+)?$/.test(text.slice(quoteEnd, m.at)),
  );
  if (owner && new RegExp(`^['’]s?\\s+(?:statement|tweet|post)\\s+(?:${V}|reads|read)\\b`).test(text.slice(owner.to))) {
    return { speakerId: owner.entityId, from: owner.at, to: owner.to, rule: 'statement' };
  }
  // ("Norway’s foreign minister said": a country's office, the country a word of the description.)
  const descriptor = new RegExp(
    `^[\\s,]*((?:the|a|(\\p{Lu}[\\p{L}.]*)['’]s)\\s+((?:[\\p{L}-]+\\s+){0,3}?)([\\p{L}\\p{N}-]+)(?:\\s+also)?\\s+${V})\\b`,
    'u',
  ).exec(rest);
  const country = descriptor?.[2];
  if (
    descriptor &&
    (!country || lookupCountry(country)) &&
    (isOfficeNoun(descriptor[4]) || /^(leader|politician|minister|official|candidate|executive|ceo|\d+-year-old)$/i.test(descriptor[4]))
  ) {
    const head = descriptor[4].toLowerCase();
    const holder = holderBefore(head, `${country ?? ''} ${descriptor[3]}`, quoteStart, offices, placed);
    const from = quoteEnd + rest.indexOf(descriptor[1]);
    // "the 56-year-old said" describes the person last named, as "he" would.
    const speakerId = /^\d+-year-old$/.test(head)
      ? lastPerson(text, quoteStart, placed, attributions, sentenceStarts, offices)
      : (holder ?? [...attributions].reverse().find((a) => a.at < quoteStart && kindOf(a.speakerId) === 'person')?.speakerId);
    return speakerId ? { speakerId, from, to: from + descriptor[1].length, rule: 'descriptor' } : undefined;
  }
  return undefined;
}

/** officeHolder over mentions placed in the whole text: among several holders, the one named last before `at`. */
function holderBefore(head: string, words: string, at: number, offices: OfficeFinding[], placed: Placed[]): string | undefined {
  return officeHolder(head, words, offices, (ids) => [...placed].reverse().find((m) => m.to <= at && ids.includes(m.entityId))?.entityId);
}

/**
 * Who "The Senate Chairman" is: the office's one holder (see officeHolder) whose office the words
 * before the noun all describe ("Senate" in its title or written just before it, "Kazakh" its country); "The Labour leader" is
 * not the SNP's leader.
 */
function describedHolder(text: string, head: string, words: string, at: number, offices: OfficeFinding[], placed: Placed[]): string | undefined {
  const holder = holderBefore(head, words, at, offices, placed);
  const qualifiers = words.split(/\s+/).filter((w) => /^\p{Lu}[\p{L}-]*$/u.test(w));
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A word fits when the office's title has it, or the text wrote it just before the title ("Senate Chairman Anna Berg").
  const fits = (o: OfficeFinding) =>
    qualifiers.every(
      (w) =>
        o.title.toLowerCase().includes(w.toLowerCase()) ||
        new RegExp(`\\b${escape(w)}\\s+(?:\\S+\\s+){0,2}${escape(o.titleEvidence.excerpt)}`, 'i').test(text.slice(0, at)) ||
        (!!o.country && lookupCountry(w)?.country.name === o.country.name),
    );
  return holder && offices.some((o) => o.holderId === holder && titleHas(o.title, head) && fits(o)) ? holder : undefined;
}

/**
 * The last named person before `at`: going back sentence by sentence (at most three), the speaker
 * of the latest attribution in that sentence, or else its only person mentioned (outside quotes, not
 * a possessive), or else, of several, the one the sentence opens with (its subject); undefined when
 * the sentence opens with two people ("A and B arrived"), as "she" could be either.
 */
function lastPerson(
  text: string,
  at: number,
  placed: Placed[],
  attributions: Attribution[],
  sentenceStarts: number[],
  offices: OfficeFinding[],
  pronoun?: string,
): string | undefined {
  // "she" is no one whose given name is a man's, "he" no one whose given name is a woman's.
  const agrees = (id: string) => {
    if (!pronoun) return true;
    const full = placed.filter((m) => m.entityId === id).reduce((a, m) => (m.name.length > a.length ? m.name : a), '');
    const of = pronounOfName(full);
    return !of || of === pronoun.toLowerCase();
  };
  const named = new Set(placed.map((m) => m.sentenceStart));
  const starts = sentenceStarts.filter((s) => s <= at).reverse();
  const spans = quoteSpans(text.slice(0, at)).map((s) => [s.start, s.end]);
  const quoted = (m: Placed) => spans.some(([a, b]) => m.at >= a && m.to <= b);
  let looked = 0;
  for (const start of starts) {
    // A sentence whose subject is a person described, not named ("The Senate Chairman emphasized", "A
    // senior police officer ... said"), is who the pronoun most likely is: the one holder of that
    // office when the text gave it to one person, and otherwise someone the rules cannot name.
    const described =
      start < at &&
      new RegExp(`^(The|A|An)\\s+((?:[\\p{L}-]+\\s+){0,3}?)(${OFFICE_NOUN_PATTERN}|officer|official|source)\\b`, 'iu').exec(text.slice(start, start + 80));
    if (described) {
      if (described[1].toLowerCase() !== 'the') return undefined;
      const holder = describedHolder(text, described[3].toLowerCase(), described[2], at, offices, placed);
      if (holder || described[2].trim()) return holder;
      // "The envoy said he …": a bare title the text gave no one stands for someone named before it.
      continue;
    }
    if (!named.has(start)) continue;
    if ((looked += 1) > 3) break;
    const inSentence = placed.filter((m) => m.sentenceStart === start && m.at < at);
    const said = attributions.filter((a) => inSentence.some((m) => m.entityId === a.speakerId && m.at === a.at) && a.kind === 'person' && agrees(a.speakerId));
    if (said.length) return said[said.length - 1].speakerId;
    const persons = [
      ...new Set(inSentence.filter((m) => m.kind === 'person' && !m.possessive && m.entityId && !quoted(m) && agrees(m.entityId)).map((m) => m.entityId)),
    ];
    if (persons.length === 1) return persons[0];
    if (persons.length > 1) {
      // Two people in the sentence: "he" is its subject, the person it opens with (titles before allowed).
      const first = inSentence.find((m) => m.kind === 'person' && !m.possessive && m.entityId && !quoted(m) && agrees(m.entityId));
      const lead = first ? text.slice(start, first.at) : '';
      // "A and B arrived": two subjects, and "she" could be either.
      const next = first && inSentence.find((m) => m.at > first.at && m.kind === 'person' && m.entityId !== first.entityId && agrees(m.entityId));
      const joined = !!next && /^\s*(?:,|and|&)\s*$/.test(text.slice(first.to, next.at));
      if (first && !joined && /^[\s“"]*(?:(?:\p{Lu}[\p{L}.’'-]*|of|the|and|for)\s+)*$/u.test(lead)) return first.entityId;
      // "Asked if he would edge out Lourdes Flores, Alan Garcia declined": after an opening clause, the
      // person right after its comma and before a verb is the subject.
      const subject = inSentence.find(
        (m) =>
          m.kind === 'person' &&
          m.entityId &&
          !m.possessive &&
          agrees(m.entityId) &&
          /^(?:\p{Lu}\p{Ll}+(?:ed|ing)|After|When|While|Although|As|Before|Since|Despite|If|Unlike)\b[^;:.“”"]*,\s*$/u.test(text.slice(start, m.at)) &&
          /^\s+(?:\p{Ll}+ed|said|says|told|has|had|was|is|will|would)\b/u.test(text.slice(m.to)),
      );
      return subject?.entityId;
    }
  }
  return undefined;
}

/** The words for what an organisation issues. */
const DOCUMENT_NOUN = /^(?:statement|communiqu[eé]|release|readout)$/i;

/**
 * True when `m` is named as a statement's author: "a statement from X", "the statement issued by X",
 * "X's statement", "A Commerce Ministry statement", "X issued a statement" (not looking back before `from`).
 */
function statementAuthor(text: string, m: Placed, from = 0): boolean {
  return (
    /\b(?:statement|communiqu[eé]|release|readout|post|tweet|letter),?\s+(?:from|by|of|(?:issued|released|posted|published)\s+by)\s+(?:the\s+)?$/.test(
      text.slice(Math.max(from, m.at - 40), m.at),
    ) ||
    /^(?:['’]s?)?\s+(?:joint\s+|written\s+|official\s+)?(?:statement|communiqu[eé]|readout)\b/.test(text.slice(m.to, m.to + 30)) ||
    // "X issued a statement", "X released a joint communiqué".
    /^\s+(?:(?:has|had|also)\s+)*(?:issued|released|put out|published)\s+an?\s+(?:[a-z-]+\s+)?(?:statement|communiqu[eé])\b/.test(text.slice(m.to, m.to + 60))
  );
}

/** Nouns of STATEMENT_NOUNS that are the last word of an organisation's name, not of a document. */
const HEAD_NOUN =
  /^(?:ministry|agency|company|firm|group|government|army|military|alliance|faction|movement|party|council|office|observatory|organisation|organization|department|service|police|commission|union)$/i;

/**
 * "the ministry said", "the army added": the organisation or group last named before `at` whose name
 * has that noun ("Foreign Ministry", "Pakistan Army"), wherever in the text it was named.
 */
function namedBy(noun: string, at: number, placed: Placed[]): Attribution | undefined {
  if (!HEAD_NOUN.test(noun)) return undefined;
  const word = new RegExp(`\\b${noun}\\b`, 'i');
  const last = [...placed].reverse().find((m) => m.at < at && (m.kind === 'organization' || m.kind === 'group') && m.entityId && word.test(m.name));
  return last && { at: last.at, speakerId: last.entityId, kind: last.kind };
}

/**
 * What "it" or "the agency" stands for before `at`: going back sentence by sentence (at most three),
 * the latest attribution to an organisation, group or country in that sentence, or else its only
 * organisation or group mentioned (outside quotes, not a possessive, not a former name: "X,
 * formerly Y" is still X); undefined when a sentence names two.
 */
function lastActor(text: string, at: number, placed: Placed[], attributions: Attribution[]): Attribution | undefined {
  const starts = [...new Set(placed.map((m) => m.sentenceStart))].filter((s) => s <= at).sort((a, b) => b - a);
  const spans = quoteSpans(text.slice(0, at)).map((s) => [s.start, s.end]);
  const quoted = (m: Placed) => spans.some(([a, b]) => m.at >= a && m.to <= b);
  const formerName = (m: Placed) =>
    /\b(?:formerly|previously|once|also known as|known as|then called)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.at - 30), m.at));
  for (const [i, start] of starts.slice(0, 3).entries()) {
    const inSentence = placed.filter((m) => m.sentenceStart === start && m.at < at);
    // Speech attributed in the sentence: reported ("X said"), or a quote's ("“…,” it said": the quote's end).
    const end = i === 0 ? at : starts[i - 1];
    const said = attributions.filter((a) => a.at >= start && a.at < end && a.kind !== 'person');
    if (said.length) return said[said.length - 1];
    const actors = [
      ...new Set(
        inSentence
          .filter((m) => (m.kind === 'organization' || m.kind === 'group') && !m.possessive && m.entityId && !quoted(m) && !formerName(m))
          .map((m) => m.entityId),
      ),
    ];
    if (actors.length === 1) return { at: start, speakerId: actors[0], kind: placed.find((m) => m.entityId === actors[0])!.kind };
    if (actors.length > 1) return undefined;
  }
  return undefined;
}

/**
 * `X said the people are “ready for change”`, `the Turkish foreign minister said ... “…”`, `he
 * vowed to ... “…”`: the subject of the speech verb before the quote, in its sentence.
 */
function subjectBefore(
  text: string,
  quoteStart: number,
  sentenceStart: number,
  mentions: Placed[],
  placed: Placed[],
  attributions: Attribution[],
  offices: OfficeFinding[],
  sentenceStarts: number[],
): Found | undefined {
  const from = Math.max(sentenceStart, quoteStart - REACH);
  const before = text.slice(from, quoteStart);
  const verbs = [...before.matchAll(new RegExp(`\\b(${V}|${JUDGE_VERBS}|${PARTICIPLES})\\b`, 'g'))];
  let verb = verbs[verbs.length - 1];
  if (!verb) return undefined;
  // "President Akufo-Addo commended X for his leadership, emphasising “…”": a participle after a
  // comma belongs to the subject the sentence opens with, not to the name nearest it; after another
  // verb ("…, he said, adding “…”"), to that verb's subject.
  if (PARTICIPLE.test(verb[1]) && /,\s*$/.test(text.slice(from, from + verb.index))) {
    const participleAt = from + verb.index;
    const opener = mentions.find((m) => m.sentenceStart === sentenceStart && m.at < participleAt && canSpeak(m));
    if (opener && opener.kind === 'person' && /^[^,.;:“”"«]{0,40}$/.test(text.slice(sentenceStart, opener.at)))
      return { speakerId: opener.entityId, from: opener.at, to: participleAt + verb[0].length, rule: 'subject' };
    verb = verbs[verbs.length - 2];
    if (!verb) return undefined;
  }
  const verbAt = from + verb.index;
  // The subject: the last speaker-like mention before the verb that is not the object of a preposition.
  const candidates = [...mentions]
    .reverse()
    // (The stops of initials, "the U.N. envoy", end no sentence.)
    .filter((m) => m.to <= verbAt && canSpeak(m) && verbAt - m.to <= 120 && !/[.;“”"«»]/.test(maskStops(text.slice(m.to, verbAt))));
  // "A statement from X said", "A Commerce Ministry statement … said": the statement's author speaks, though it follows a preposition.
  const author = (m: Placed) => statementAuthor(text, m, sentenceStart);
  // ("Colm Dore, Managing Director, C&D Foods, said …": the person before two descriptions, not the company.)
  const described = candidates.find((m) => m.kind === 'person' && /^(?:,[^,;:“”"«]{1,80}){2},\s*(?:also\s+)?$/.test(text.slice(m.to, verbAt)));
  const subject = described ?? candidates.find((m) => author(m) || !afterPreposition(text, m.at, sentenceStart));
  if (
    subject &&
    (subject.kind === 'person' ||
      author(subject) ||
      /^[\s,]*(?:also\s+)?$/.test(text.slice(subject.to, verbAt)) ||
      // "Acme, in a filing, said", "The Pentagon, in a statement, called".
      /^,\s*(?:in|on|via|through)\s+[^,.;:“”"]{1,40},\s*(?:also\s+)?$/.test(text.slice(subject.to, verbAt)) ||
      /^\s+$/.test(text.slice(subject.to, verbAt)))
  ) {
    return { speakerId: subject.entityId, from: subject.at, to: verbAt + verb[0].length, rule: 'subject' };
  }
  const lead = text.slice(from, verbAt);
  // "Mr Putin made no reference to ..., but said that ... “…”": a verb joined to an earlier one shares
  // its subject, the person the sentence opens with.
  if (/(?:,\s*|\s)(?:but|and)\s+(?:also\s+|then\s+|later\s+)?$/.test(lead)) {
    const opener = mentions.find((m) => m.sentenceStart === sentenceStart && m.at < verbAt);
    if (opener && opener.kind === 'person' && canSpeak(opener) && /^[^,.;:“”"«]{0,40}$/.test(text.slice(sentenceStart, opener.at)))
      return { speakerId: opener.entityId, from: opener.at, to: verbAt + verb[0].length, rule: 'subject' };
  }
  const pronoun = /\b(he|she|it)\s+(?:(?:also|has|had|further)\s+)*$/i.exec(lead);
  if (pronoun && PRONOUN.test(pronoun[1])) {
    const at = from + pronoun.index;
    const speakerId = /^it$/i.test(pronoun[1])
      ? lastActor(text, at, placed, attributions)?.speakerId
      : lastPerson(text, at, placed, attributions, sentenceStarts, offices, pronoun[1]);
    if (speakerId) return { speakerId, from: from + pronoun.index, to: verbAt + verb[0].length, rule: 'pronoun' };
  }
  // "The army said:", "The ministry said in a statement": the organisation last named with that noun;
  // "The statement said": the organisation whose statement the text told of last.
  const institution = /\bthe\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{L}]+)\s+(?:also\s+)?$/iu.exec(lead);
  const named = !institution
    ? undefined
    : DOCUMENT_NOUN.test(institution[1])
      ? lastActor(text, from + institution.index, placed, attributions)
      : namedBy(institution[1], verbAt, placed);
  if (institution && named) return { speakerId: named.speakerId, from: from + institution.index, to: verbAt + verb[0].length, rule: 'statement' };
  // "The Turkish foreign minister said": the one person the text gave that office.
  // ("Norway’s foreign minister said": a country's office, the country a word of the description.)
  const descriptor = /\b(?:[Tt]he|[Aa]|(\p{Lu}[\p{L}.]*)['’]s)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)\s+(?:also\s+)?$/u.exec(lead);
  if (descriptor && (!descriptor[1] || lookupCountry(descriptor[1])) && (isOfficeNoun(descriptor[3]) || /^(?:leader|ceo)$/i.test(descriptor[3]))) {
    const holder = holderBefore(descriptor[3].toLowerCase(), `${descriptor[1] ?? ''} ${descriptor[2]}`, verbAt, offices, placed);
    if (holder) return { speakerId: holder, from: from + descriptor.index, to: verbAt + verb[0].length, rule: 'descriptor' };
  }
  return undefined;
}
