/**
 * Meetings: who met whom, and where.
 *
 *   X met (with) Y (in Z)                    a meeting of X and Y, held in Z
 *   after meeting Y in Z, X ... / X ... after meeting Y in Z
 *   X met for ... talks / X joined the talks / X, who took part in the talks / X has engaged in the talks
 *   talks in Z / meeting in Z                the current talks are held in Z
 *   A, B and C met in Z                      a meeting of A, B and C (no object after "met")
 *   A and B had a meeting / held talks (in Z) / discussed X / exchanged views / are meeting   a meeting of A and B (no "with" after it)
 *   talks/consultations (in Z) between A, B and C    a meeting of A, B and C
 *   the meeting of A and B / a joint news briefing by A and B / A and B held a joint press conference   a meeting of A and B
 *   At their meeting in Z, A and B …          a meeting of A and B
 *   X met separately with A and B             a meeting of X and A, and one of X and B
 *   X held a meeting/talks/a bilateral with Y / X is meeting Y / X is hosting Y   a meeting of X and Y
 *   representatives/delegations from A, B and C ... talks / met    a meeting of A, B and C
 *   X and Y agreed in (bilateral) talks       a meeting of X and Y
 *   A and B announced ... after/during talks in Z    a meeting of A and B (titles before A allowed)
 *   A told/urged/thanked B during/at the talks        a meeting of A and B
 *   X had talks with Y / X's meeting with Y / during his meeting with Y, X ...   a meeting of X and Y
 *   X received/hosted/welcomed Y / Y was received by X / X sat down with Y       a meeting of X and Y
 *   Y called on X / Y paid a courtesy call on X / Y presented his credentials to X   a meeting of X and Y
 *   X travelled (flew, went) to Z to meet (with) Y / to hold talks with Y          a meeting of X and Y
 *   X exchanged views / conferred / negotiated / co-chaired … with Y; X visited Y (a person)   a meeting of X and Y
 *   His remarks came after he met Y                                             a meeting of the person named before and Y
 *   the meeting was attended/led/chaired by A and B / present at the meeting were A and B / the talks brought together A and B
 *                                            A and B join the meeting told last, or are a meeting of their own when the text told none
 *   A … met/talks/discussed/lunch/sidelines … B, in no form above   a meeting of the two to four people named (less sure)
 *
 * A meeting the words before it say is yet to come ("will hold talks with", "expected to") is not
 * drafted: the facts are meetings held. "Talks in Z" in a sentence that names a meeting of its own is
 * that meeting, not a second one without parties. Talks whose parties the text never names ("talks
 * in Z" alone, "negotiations between warring factions began") are not drafted: a meeting is who met.
 * Each meeting records the rules that found it (`rules`); MEETING_CONFIDENCE says how sure each is.
 *
 * "The talks" is taken to mean the talks the text last spoke of, so participants named in
 * different sentences gather on one meeting. X and Y are people, groups, organisations or
 * countries that are not possessives or attributive ("the US president’s" names no participant).
 */
import type { EvidenceInput } from '../facts/format';
import type { AnalysedText } from './document';
import type { ResolvedMention } from './entities';
import { isOfficeNoun } from './lexicon';
import { type OfficeFinding, officeHolder } from './offices';

/** A meeting and what the text says about it. */
export interface MeetingFinding {
  /** How the meeting is named: its place and, for a meeting of named parties, who met. */
  name: string;
  /** Words to build the id from. */
  key: string;
  evidence: EvidenceInput[];
  participants: { id: string; evidence: EvidenceInput }[];
  place?: { id: string; name: string; evidence: EvidenceInput };
  /** The rules that found the meeting and its participants. */
  rules: string[];
}

/** How sure each meeting rule is, 0..1: the lowest of a meeting's rules is its confidence. */
export const MEETING_CONFIDENCE: Record<string, number> = {
  'met-object': 0.9,
  'met-together': 0.85,
  between: 0.85,
  'held-with': 0.85,
  'delegations-from': 0.8,
  'in-talks': 0.75,
  'joined-talks': 0.75,
  'talks-in': 0.7,
  'meeting-with': 0.8,
  received: 0.75,
  attended: 0.75,
  'co-mention': 0.5,
};

const ACTOR_KINDS = new Set(['person', 'group', 'organization', 'country']);
const PLACE_KINDS = new Set(['country', 'city', 'place']);
const PARTICIPATE =
  /\b(?:met for [^.;]*?\btalks|led (?:their|his|her|the) (?:respective )?delegations? (?:in|at|to) (?:the )?talks|joined (?:the )?talks|took part in (?:the )?talks|engaged in (?:the )?talks|attended (?:the )?talks|participated in (?:the )?talks|held (?:[a-z-]+ ){0,2}talks)\b/g;
const MEETING_WORD =
  /\b(?:met|meets|meeting|talks|discussed|talked|courtesy call|summit|discussions|negotiations|audience|sidelines|lunch|dinner|breakfast|(?:received|hosted)(?!\s+an?\s))\b/g;
const TALKS_IN = /(?<!\b(?:after|before|while|when) )\b(?:talks|meeting|summit|negotiations)(?: [a-z]+){0,3}? in (?=\S)/gi;

/** True when the mention is part of a title or possessive, not a participant. */
function attributive(text: string, m: ResolvedMention): boolean {
  if (m.possessive || m.kind === 'demonym' || !m.entityId) return true;
  // "US envoy ...", "US special envoy ...": a country or name before a title is the title's owner.
  const next = /^\s+([\p{L}-]+(?:['’]s)?)(?:\s+([\p{Ll}-]+(?:['’]s)?))?(?:\s+([\p{Ll}-]+(?:['’]s)?))?/u.exec(text.slice(m.end));
  return !!next && next.slice(1).some((w) => !!w && isOfficeNoun(w.replace(/['’]s$/, '')));
}

const isActor = (text: string, m: ResolvedMention) => ACTOR_KINDS.has(m.kind) && !attributive(text, m);

/** ", who is visiting Z, and ": a relative clause between two parties joined by "and". */
const RELATIVE_CLAUSE = String.raw`,\s*who\s[^,;.:“”"]{1,80},?\s+and\s+`;
const RELATIVE_CLAUSE_BEFORE = new RegExp(`${RELATIVE_CLAUSE}$`);
const RELATIVE_CLAUSE_AFTER = new RegExp(`^${RELATIVE_CLAUSE}`);

/** The actors joined by "and" (with titles between allowed) ending with `last`, first to last. */
function chainEndingWith(text: string, mentions: ResolvedMention[], last: ResolvedMention): ResolvedMention[] {
  const chain = [last];
  const actors = mentions.filter((m) => isActor(text, m));
  for (let i = actors.indexOf(last) - 1; i >= 0; i -= 1) {
    if (titledPerson(text, mentions, actors[i]) === chain[0]) continue; // "the Foreign Minister of Iran Hossein Amir Abdollahian"
    // "A, who is visiting Z, and B": the party is A, before the relative clause.
    const clause = RELATIVE_CLAUSE_BEFORE.exec(text.slice(0, chain[0].start));
    if (clause) {
      const before = [...actors].reverse().find((a) => a.end <= clause.index);
      if (before && text.slice(before.end, clause.index).trim() === '') chain.unshift(before);
      break;
    }
    const between = text.slice(actors[i].end, chain[0].start);
    if (actors[i].end === chain[0].end)
      chain.unshift(actors[i]); // "Ukrainian and Russian officials"
    else if (/^,?\s+and\s+[^.;:?!“”"]*$/.test(between) && between.split(/\s+/).length <= 9) chain.unshift(actors[i]);
    else if (/^,\s+(?:the\s+)?$/.test(between) && chain.length > 1)
      chain.unshift(actors[i]); // Russia, Ukraine and the US
    else break;
  }
  return chain;
}

/** The actors joined by "and" starting with `first`. */
function chainStartingWith(text: string, mentions: ResolvedMention[], first: ResolvedMention): ResolvedMention[] {
  const chain = [first];
  const actors = mentions.filter((m) => isActor(text, m));
  for (let i = actors.indexOf(first) + 1; i < actors.length; i += 1) {
    // "A, who is visiting Z, and B": the next party is B, after the relative clause.
    const clause = RELATIVE_CLAUSE_AFTER.exec(text.slice(chain[chain.length - 1].end));
    if (clause) {
      const from = chain[chain.length - 1].end + clause[0].length;
      const next = actors.find((a) => a.start >= from && /^(?:\p{Lu}[\p{L}.’'-]*\s+|the\s+)*$/u.test(text.slice(from, a.start)));
      if (!next) break;
      chain.push(next);
      i = actors.indexOf(next);
      continue;
    }
    const between = text.slice(chain[chain.length - 1].end, actors[i].start);
    const party = titledPerson(text, mentions, actors[i]);
    if (/^,?\s+and\s+[^.;:?!“”"]*$/.test(between) && between.split(/\s+/).length <= 9) chain.push(party);
    else if (titleGap(between) && /^[^.;]*?\band\b/.test(text.slice(actors[i].end, actors[i].end + 200)))
      chain.push(party); // A, US special envoy B and C; President Xi Jinping, Premier Li Keqiang and Li Zhanshu
    else break;
    if (party !== actors[i]) i = actors.indexOf(party);
  }
  return chain;
}

/** ", US special envoy ", ", Premier ": a comma and at most four words of a title between two parties of a list. */
function titleGap(between: string): boolean {
  const words = /^,\s+(?:the\s+)?((?:[\p{L}-]+\s+){0,4})$/u.exec(between)?.[1].trim().split(/\s+/).filter(Boolean);
  return (
    !!words && words.every((w) => /^[\p{Ll}-]+$/u.test(w) || isOfficeNoun(w.toLowerCase()) || /^(?:Premier|Prime|Foreign|Deputy|Vice|Chief|Special)$/.test(w))
  );
}

/**
 * The person an organisation or country opens the title of: "US Ambassador to Kazakhstan Daniel
 * Rosenblum", "the Democratic Left Party (DSP) Chair Önder Aksakal"; else the mention itself.
 */
function titledPerson(text: string, mentions: ResolvedMention[], m: ResolvedMention): ResolvedMention {
  if (m.kind === 'person') return m;
  const next = mentions.find((x) => x.start >= m.end && x !== m && !(x.start === m.start));
  if (!next || next.kind !== 'person' || !isActor(text, next)) return m;
  const between = text.slice(m.end, next.start);
  // ("Unite’s General Secretary Y", "the Unite union’s General Secretary Y": the owner's possessive goes too.)
  const words = between
    .replace(/^(?:['’]s?|\s+[\p{Ll}-]+['’]s)(?=\s)/u, ' ')
    .replace(/\([^()]{1,15}\)/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return /^[^,.;:]*$/.test(between) && words.every((w) => isOfficeNoun(w.toLowerCase()) || /^(?:chair|leader|head|deputy|vice)$/i.test(w)) ? next : m;
}

/** The subject right before offset `at`: "X met", "X has engaged", "X, who took part". */
function subjectOf(text: string, mentions: ResolvedMention[], at: number): ResolvedMention[] {
  const places = [...text.slice(0, at).matchAll(ADVERBIAL_PLACE)].map((p) => [p.index, p.index + p[0].length]);
  const placed = (m: ResolvedMention) => places.some(([from, to]) => m.start >= from && m.end <= to);
  const last = [...mentions].reverse().find((m) => m.end <= at && isActor(text, m) && !placed(m));
  if (!last) return [];
  // "X, a staunch supporter of President Y, met Z": a name inside an apposition is not the subject.
  const apposition = /,\s*(?:an?|the)\s[^,;.:“”"]{1,120},\s*(?:(?:has|have|had|also|then|later)\s+)*$/.exec(text.slice(0, at));
  if (apposition && last.start > apposition.index) return subjectOf(text, mentions, apposition.index + 1);
  // Words of time and place may stand between the subject and its verb: "X today, Monday paid",
  // "X Friday at the Presidential Villa, Abuja, received".
  const gap = text.slice(last.end, at).replace(ADVERBIAL_PLACE, ' ');
  if (
    !/^(?:,\s*who\s+|,\s*|\s+|\s+[–—-]\s+)(?:(?:has|have|had|also|then|later|both|on|last|this|next|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight|morning|evening|afternoon|January|February|March|April|May|June|July|August|September|October|November|December|\d{1,2}),?\s+)*$/.test(
      gap,
    )
  ) {
    // "Dr Mahathir, who arrived here last night, met Y": the subject stands before the relative clause.
    const clause = /,\s*who\s[^,;.:“”"]{1,120},\s*(?:(?:has|have|had|also|then|later)\s+)*$/.exec(text.slice(0, at));
    return clause ? subjectOf(text, mentions, clause.index + 1) : [];
  }
  return chainEndingWith(text, mentions, last);
}

/** "at the presidential headquarters in Ramallah," / "at the Presidential Villa, Abuja,": where, between commas or before a verb. */
const ADVERBIAL_PLACE = /\s(?:at|in)\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,5}(?:,\s*\p{Lu}[\p{L}-]+)?,?(?=\s)/gu;

/** The object right after offset `at`, titles allowed before it: "met the Russian president Vladimir Putin". */
function objectAfter(text: string, mentions: ResolvedMention[], at: number): ResolvedMention[] {
  const opening = mentions.find((m) => m.start >= at && isActor(text, m));
  // "US Ambassador to Kazakhstan Daniel Rosenblum": a place or owner right before a person's title and name is part of the title.
  let first = opening && titledPerson(text, mentions, opening);
  // "the President of the Republic of Ghana, His Excellency Mr. Nana Addo Dankwa Akufo-Addo": the
  // country owns the title, and the person named after the comma is the party.
  if (first && first.kind !== 'person' && /\bof\s+(?:the\s+)?$/.test(text.slice(at, first.start))) {
    const named = mentions.find((m) => m.start > first!.end && m.kind === 'person' && isActor(text, m));
    if (named && /^,\s+(?:(?:His|Her)\s+(?:Excellency|Majesty|Highness)\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sheikh|Prof)\.?\s+)?$/.test(text.slice(first.end, named.start)))
      first = named;
  }
  // The stops of initials ("U.S. Secretary of State") do not end the phrase.
  let gap = first ? text.slice(at, first.start).replace(/\b(?:\p{Lu}\.)+/gu, (m) => m.replace(/\./g, ' ')) : '';
  // "the new Governor of Osun State, Senator Ademola Adeleke": a title, a comma, and the person.
  // ("…of Ghana, His Excellency Mr. Nana Addo Dankwa Akufo-Addo": up to three words of address.)
  if (first?.kind === 'person') gap = gap.replace(/,\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u, ' ');
  // At most six words before it, not counting articles and "of" ("the newly appointed Minister of
  // Foreign Affairs"); nine when a comma sets the name off from its title ("Minister of Labour and
  // Rehabilitation of the Government of National Unity, Ali Abed Al-Ridha").
  const limit = first && first.kind === 'person' && /,\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(text.slice(at, first.start)) ? 9 : 6;
  if (!first || !/^[^.,;:?!“”"]*$/.test(gap) || gap.split(/\s+/).filter((w) => !/^(?:the|a|an|of|and)$/i.test(w)).length > limit) return [];
  // "talks with electoral rivals in Ivory Coast": a name after "in" is where the unnamed others are.
  if (/\S\s+(?:in|at|near|inside)\s+(?:the\s+)?$/.test(gap)) return [];
  return chainStartingWith(text, mentions, first);
}

/** True when the words before offset `at` say the meeting is yet to happen ("will hold talks with"). */
function planned(text: string, at: number): boolean {
  return /\b(?:will|would|shall|could|might|may|plans?|planned|planning|expected|scheduled|due|set|upcoming|next|future|proposed|possible|possibility|potential|invited|invitation|rule out|rules out|ruled out|prepare|preparing|arrange|seek|seeking|hopes?|continue|resume)\b/i.test(
    text.slice(Math.max(0, at - 60), at),
  );
}

/** True when the words right after the parties put the meeting in the future ("a meeting with Trump would be his first priority"). */
function plannedAfter(text: string, at: number): boolean {
  return /^[^.;]{0,20}?\b(?:would|will|could|is\s+(?:expected|planned|scheduled))\b/.test(text.slice(at));
}

/** Words between "received" and the visitor: titles and determiners only ("received the visiting Foreign Minister"). */
function visitorGap(gap: string): boolean {
  // One comma may set a title off from the name ("the new Governor of Osun State, Senator").
  if ((gap.match(/,/g) ?? []).length > 1) return false;
  return gap
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .every(
      (w) =>
        /^(?:the|his|her|their|of|to|visiting|new|newly|newly-[\p{Ll}]+|outgoing|incoming|\p{Lu}[\p{L}-]*|(?:\p{Lu}\.)+|\p{Lu}\p{Ll}{0,3}\.|[\p{Ll}-]+['’]s)$/u.test(
          w,
        ) ||
        isOfficeNoun(w) ||
        /^(?:foreign|prime|deputy|special|defence|defense|state|vice)$/i.test(w),
    );
}

/**
 * Who holds "a meeting with Y" when the sentence does not say it before the verb: the possessive
 * right before ("X’s meeting with"), the first party after a leading clause ("During his meeting with
 * Y, X said"), or else the sentence's first party ("X, in a meeting with Y, said").
 */
function meetingHost(text: string, mentions: ResolvedMention[], at: number, objects: ResolvedMention[]): ResolvedMention[] {
  const owner = [...mentions].reverse().find((m) => m.end <= at && m.possessive && ACTOR_KINDS.has(m.kind) && m.entityId);
  if (owner && /^['’]s?\s+(?:[a-z-]+\s+){0,2}$/.test(text.slice(owner.end, at))) return [owner];
  const taken = new Set(objects.map((o) => o.entityId));
  const first = mentions.find((m) => isActor(text, m) && !taken.has(m.entityId));
  if (!first) return [];
  if (first.start > at) {
    // "During his meeting with Y in Z, X said": X opens the main clause after the comma.
    const comma = text.indexOf(',', objects[objects.length - 1].end);
    return comma >= 0 && first.start > comma && /^[\s“"]*(?:[A-Z][a-z]+\s+)?(?:his|her|their|a|the)\s+(?:[a-z-]+\s+){0,2}$/.test(text.slice(0, at))
      ? [first]
      : [];
  }
  // "Russian Foreign Minister Sergey Lavrov said following a meeting with ...": titles may stand before the host.
  return /^[\s“"]*(?:(?:\p{Lu}[\p{L}.’'-]*|of|the)\s+)*$/u.test(text.slice(0, first.start)) ? [first] : [];
}

/** A place mention right after offset `at` (after "in "). */
function placeAt(mentions: ResolvedMention[], text: string, at: number): ResolvedMention | undefined {
  const m = mentions.find((x) => x.start >= at && PLACE_KINDS.has(x.kind) && x.entityId);
  return m && /^(?:the\s+)?$/.test(text.slice(at, m.start)) ? m : undefined;
}

const surname = (m: ResolvedMention, doc: AnalysedText) => {
  const name = doc.index.entities.get(m.entityId)?.name ?? m.name;
  return m.kind === 'person' ? name.split(' ').pop()! : name;
};

/** Finds the meetings of the text. */
export function findMeetings(doc: AnalysedText, offices: OfficeFinding[] = []): MeetingFinding[] {
  const meetings: MeetingFinding[] = [];
  let talks: MeetingFinding | undefined;
  const entityName = (m: ResolvedMention) => doc.index.entities.get(m.entityId)?.name ?? m.name;
  const addParticipant = (meeting: MeetingFinding, m: ResolvedMention, evidence: EvidenceInput) => {
    if (!meeting.participants.some((p) => p.id === m.entityId)) meeting.participants.push({ id: m.entityId, evidence });
  };
  const addEvidence = (meeting: MeetingFinding, evidence: EvidenceInput) => {
    if (!meeting.evidence.some((e) => e.sentence === evidence.sentence)) meeting.evidence.push(evidence);
  };
  const currentTalks = (evidence: EvidenceInput) => {
    if (!talks) {
      talks = { name: 'Talks', key: 'talks', evidence: [], participants: [], rules: ['talks-in'] };
      meetings.push(talks);
    }
    addEvidence(talks, evidence);
    return talks;
  };

  /** The first person named in the nearest sentence before `sentence` (of the last two) that names one. */
  const lastNamedPerson = (sentence: number): ResolvedMention | undefined => {
    for (let n = sentence - 1; n >= Math.max(1, sentence - 2); n -= 1) {
      const person = doc.mentionsIn(n).find((m) => m.kind === 'person' && m.entityId && !m.possessive);
      if (person) return person;
    }
    return undefined;
  };
  /** The person "he" or "she" at `start` of sentence `sentence` stands for, as a mention at the pronoun. */
  const pronounMention = (sentence: number, start: number, word: string): ResolvedMention | undefined => {
    const person = lastNamedPerson(sentence);
    return person && { ...person, sentence, start, end: start + word.length, text: word };
  };
  /** "He met Y": the subject pronoun right before offset `at`. */
  const pronounAt = (sentence: number, text: string, at: number): ResolvedMention | undefined => {
    const pronoun =
      /(?:^|[,;]\s*|\b(?:and|but|then|after|before|when|while|once|since|as|where)\s+|^(?:On|In|At|During|Earlier|Later|Last|This|Meanwhile)\b[^,.;:]{0,30}?\s+)(he|she)\s+(?:(?:has|had|have|also|then|later|both|last|this|on|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday)\s+)*$/i.exec(
        text.slice(0, at),
      );
    return pronoun ? pronounMention(sentence, pronoun.index + pronoun[0].indexOf(pronoun[1]), pronoun[1]) : undefined;
  };
  /** The person a described subject right before offset `at` stands for: "The external affairs minister also met Y". */
  const describedAt = (sentence: number, text: string, at: number): ResolvedMention | undefined => {
    const described = /(?:^|[,;]\s*)((?:The|the)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+))\s+(?:(?:has|had|also|then|later)\s+)*$/u.exec(text.slice(0, at));
    if (!described || !isOfficeNoun(described[3].toLowerCase())) return undefined;
    const namedLast = (ids: string[]) => {
      for (let n = sentence; n >= 1; n -= 1) {
        const last = [...doc.mentionsIn(n)].reverse().find((m) => ids.includes(m.entityId) && (n < sentence || m.end <= at));
        if (last) return last.entityId;
      }
      return undefined;
    };
    const holder = officeHolder(described[3].toLowerCase(), described[2], offices, namedLast);
    const start = described.index + described[0].indexOf(described[1]);
    const name = holder && doc.index.entities.get(holder)?.name;
    if (!holder || !name) return undefined;
    const mention: ResolvedMention = {
      kind: 'person',
      entityId: holder,
      name,
      possessive: false,
      sentence,
      start,
      end: start + described[1].length,
      text: described[1],
      words: 1,
    };
    return mention;
  };

  for (const s of doc.sentences) {
    const before = meetings.length;
    const text = s.text;
    const mentions = doc.mentionsIn(s.number);
    const subjectBefore = (text: string, mentions: ResolvedMention[], at: number): ResolvedMention[] => {
      const named = subjectOf(text, mentions, at);
      if (named.length) return named;
      const pronoun = pronounAt(s.number, text, at) ?? describedAt(s.number, text, at);
      return pronoun ? [pronoun] : [];
    };
    const ev = (from: number, to: number): EvidenceInput => doc.evidence(s.number, from, to);
    /** A meeting of `parties`, held in the place named after `placeFrom` ("in Z", "at Z") if any. */
    const meetingOf = (parties: ResolvedMention[], evidence: EvidenceInput, rule: string, placeFrom?: number) => {
      const ids = new Set(parties.map((p) => p.entityId));
      if (ids.size < 2) return;
      const inPlace = placeFrom === undefined ? null : /^\s*(?:[^.;:?!“”"]{0,40}?\s)?(?:in|at)\s+(?:the\s+)?/.exec(text.slice(placeFrom));
      const place = inPlace ? placeAt(mentions, text, placeFrom! + inPlace[0].length) : undefined;
      // The same parties met before in this text: the same meeting, told again.
      const same = meetings.find((x) => x.participants.length === ids.size && x.participants.every((p) => ids.has(p.id)));
      const names = [...ids].map((id) => doc.index.entities.get(id)?.name ?? id);
      const meeting: MeetingFinding = same ?? {
        name: `Meeting of ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}${place ? ` in ${entityName(place)}` : ''}`,
        key: `${parties.map((p) => surname(p, doc)).join(' ')}${place ? ` ${entityName(place)}` : ''}`,
        evidence: [],
        participants: [],
        rules: [],
      };
      addEvidence(meeting, evidence);
      for (const p of parties) addParticipant(meeting, p, evidence);
      if (place && !meeting.place) meeting.place = { id: place.entityId, name: entityName(place), evidence: ev(placeFrom!, place.end) };
      if (!meeting.rules.includes(rule)) meeting.rules.push(rule);
      if (!same) meetings.push(meeting);
    };
    // "talks (in Z) between A, B and C", "consultations at the Kremlin between A and B".
    for (const m of text.matchAll(/\b(?:talks|discussions|consultations|meeting|meetings|negotiations|summit|contacts)\b([^.;:?!“”"]{0,50}?)\bbetween\s+/g)) {
      if (planned(text, m.index)) continue;
      const parties = objectAfter(text, mentions, m.index + m[0].length);
      if (parties.length >= 2)
        meetingOf(parties, ev(m.index, parties[parties.length - 1].end), 'between', m.index + m[0].length - m[1].length - 'between '.length);
    }
    // "the meeting of A and B", "a joint news briefing by A and B": a meeting of A and B (two or more).
    for (const m of text.matchAll(/\b(?:meeting|talks|summit|joint\s+(?:press|news)\s+(?:conference|briefing))\s+(?:of|by)\s+/g)) {
      if (planned(text, m.index)) continue;
      const parties = objectAfter(text, mentions, m.index + m[0].length);
      if (parties.length >= 2) meetingOf(parties, ev(m.index, parties[parties.length - 1].end), 'between', parties[parties.length - 1].end);
    }
    // "X held a trilateral meeting with Y", "X held talks with Y", "X had talks with Y".
    // "X has held talks at 10 Downing Street with Y": the place may come before "with".
    for (const m of text.matchAll(
      /\b(?:held|had|holds)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}(?:talks|meeting|meetings|discussions|consultations|bilateral|t[êe]te-[àa]-t[êe]te)\s+((?:in|at)\s+[^.;:,?!“”"]{1,40}?\s+)?with\s+/g,
    )) {
      const subject = subjectBefore(text, mentions, m.index);
      const objects = objectAfter(text, mentions, m.index + m[0].length);
      const placeFrom = m[1] ? m.index + m[0].indexOf(m[1]) - 1 : objects[objects.length - 1]?.end;
      if (!subject.length || !objects.length) continue;
      // "held separate meetings with A, B and C", "held talks with counterparts from A, B and C": one meeting with each.
      const separate = /\bseparate\b/.test(m[0]) || /^(?:(?:his|her|their)\s+)?counterparts\s+(?:from|of)\s/.test(text.slice(m.index + m[0].length));
      for (const parties of separate ? objects.map((o) => [o]) : [objects])
        meetingOf([...subject, ...parties], ev(subject[0].start, parties[parties.length - 1].end), 'held-with', placeFrom);
    }
    // "X exchanged views with Y", "X conferred with Y", "X negotiated with Y", "X co-chaired the
    // joint commission with Y": a meeting of X and Y.
    for (const m of text.matchAll(/\b(?:exchanged\s+(?:views|opinions|ideas)|conferred|negotiated|co-chaired\s+(?:[a-z-]+\s+){1,5}?)\s*with\s+/g)) {
      if (planned(text, m.index)) continue;
      const subject = subjectBefore(text, mentions, m.index);
      const objects = subject.length ? objectAfter(text, mentions, m.index + m[0].length) : [];
      if (objects.length)
        meetingOf([...subject, ...objects], ev(subject[0].start, objects[objects.length - 1].end), 'held-with', objects[objects.length - 1].end);
    }
    // "X visited Y at his residence", "Y was visited by X": a visit to a person is a meeting.
    for (const m of text.matchAll(/\b(?:visited|was\s+visited\s+by)\s+/g)) {
      if (planned(text, m.index)) continue;
      // ("X visited Oslo with Y" is no visit to Y: the first name after the verb is the one visited.)
      const visited = mentions.find((o) => o.start >= m.index + m[0].length);
      const after = visited?.kind === 'person' ? objectAfter(text, mentions, m.index + m[0].length).filter((o) => o.kind === 'person') : [];
      const before = after.length ? subjectBefore(text, mentions, m.index) : [];
      if (before.length) meetingOf([...before, ...after], ev(before[0].start, after[after.length - 1].end), 'received', after[after.length - 1].end);
    }
    // "A and B had a meeting on May 25", "A and B held talks in Z", "A and his counterpart B also
    // discussed X", "A and B exchanged views", "A and B are meeting in Z": two parties or more, no "with".
    for (const m of text.matchAll(
      /\b(?:(?:held|had|hold|holds|have)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}(?:talks|meeting|meetings|discussions|consultations)|discussed|talked|exchanged\s+(?:views|opinions|ideas)|(?:are|were)\s+meeting|(?:held|gave|addressed)\s+an?\s+joint\s+(?:press|news)\s+(?:conference|briefing))\b(?!\s+with\b)/g,
    )) {
      if (planned(text, m.index)) continue;
      const subject = subjectBefore(text, mentions, m.index);
      if (subject.length >= 2) meetingOf(subject, ev(subject[0].start, m.index + m[0].length), 'met-together', m.index + m[0].length);
    }
    // "X’s meeting with Y", "during his talks with Y in Z, X said", "X, in a meeting with Y, said".
    for (const m of text.matchAll(/\b(?:meeting|meetings|talks|discussions|consultations)\s+with\s+/g)) {
      if (/\b(?:held|had|holds)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}$/.test(text.slice(0, m.index)) || planned(text, m.index)) continue;
      const objects = objectAfter(text, mentions, m.index + m[0].length);
      if (!objects.length) continue;
      if (plannedAfter(text, objects[objects.length - 1].end)) continue;
      const subject = meetingHost(text, mentions, m.index, objects);
      if (subject.length)
        meetingOf(
          [...subject, ...objects],
          ev(Math.min(subject[0].start, m.index), objects[objects.length - 1].end),
          'meeting-with',
          objects[objects.length - 1].end,
        );
    }
    // "Y was received by X": the visitor before, the host after.
    for (const m of text.matchAll(/\bwas\s+(?:received|hosted|welcomed)\s+by\s+/g)) {
      const hosts = objectAfter(text, mentions, m.index + m[0].length);
      const visitors = hosts.length ? subjectBefore(text, mentions, m.index) : [];
      if (visitors.length) meetingOf([...visitors, ...hosts], ev(visitors[0].start, hosts[hosts.length - 1].end), 'received', hosts[hosts.length - 1].end);
    }
    // "X received Y in Z", "X hosted Y", "X welcomed Y": a host and a visitor, the visitor right after the verb.
    for (const m of text.matchAll(
      /(?<!\bwas\s+)\b(?:received|hosted|welcomed|(?:is|was)\s+hosting|hosted\s+an?\s+(?:reception|dinner|lunch|luncheon|banquet)\s+(?:for|in\s+honou?r\s+of))\s+(?!by\b|an?\s)/g,
    )) {
      // "received Saturday evening, at the presidential headquarters in Ramallah, Minister …": time and place come first.
      const lead =
        /^(?:(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday)(?:\s+(?:morning|evening|afternoon|night))?,?\s+)?(?:(?:at|in)\s+[^,.;:]{1,60},\s+)?/.exec(
          text.slice(m.index + m[0].length),
        )![0];
      const objects = objectAfter(text, mentions, m.index + m[0].length + lead.length).filter(
        (o, i, all) => i > 0 || visitorGap(text.slice(m.index + m[0].length + lead.length, all[0].start)),
      );
      const subject = objects.length ? subjectBefore(text, mentions, m.index) : [];
      if (subject.length)
        meetingOf([...subject, ...objects], ev(subject[0].start, objects[objects.length - 1].end), 'received', objects[objects.length - 1].end);
    }
    // "X travelled to Paris on Thursday to meet with Y", "X flew to Oslo to meet Y": a journey made to meet.
    for (const m of text.matchAll(
      /\b(?:travell?ed|flew|went|came|arrived|headed)\s+(?:(?:to|in|at)\s+[^.;:“”"]{1,60}?\s+)?to\s+(?:meet(?:\s+with)?|hold\s+talks\s+with|talk\s+with)\s+/g,
    )) {
      if (planned(text, m.index)) continue;
      const objects = objectAfter(text, mentions, m.index + m[0].length);
      const subject = objects.length ? subjectBefore(text, mentions, m.index) : [];
      if (subject.length)
        meetingOf([...subject, ...objects], ev(subject[0].start, objects[objects.length - 1].end), 'met-object', objects[objects.length - 1].end);
    }
    // "Y called on X", "Y paid a courtesy call on X", "Y presented his credentials (on Tuesday) to X":
    // a visitor before, the host after.
    for (const m of text.matchAll(
      /\b(?:called\s+on|paid\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}(?:call|visit)\s+(?:on|to)|presented\s+(?:(?:his|her|their|the)\s+)?(?:credentials|[Ll]etters?\s+of\s+[Cc]redence)\s+(?:on\s+\w+\s+)?to)\s+/g,
    )) {
      if (planned(text, m.index)) continue;
      const hosts = objectAfter(text, mentions, m.index + m[0].length);
      // ("called on Zimbabweans to unite" is an appeal, not a visit.)
      if (hosts.length && /^\s+to\s+[a-z]/.test(text.slice(hosts[hosts.length - 1].end))) continue;
      const visitors = hosts.length ? subjectBefore(text, mentions, m.index) : [];
      if (visitors.length) meetingOf([...visitors, ...hosts], ev(visitors[0].start, hosts[hosts.length - 1].end), 'received', hosts[hosts.length - 1].end);
    }
    // "Representatives from Russia, Ukraine and the United States met ...", "Delegations from A, B and C ... talks".
    for (const m of text.matchAll(/\b(?:[Rr]epresentatives|[Dd]elegations|[Nn]egotiators|[Oo]fficials|[Ee]nvoys)\s+(?:from|of)\s+/g)) {
      if (!/\b(?:met|meet|meeting|talks|negotiations|discussions)\b/.test(text.slice(m.index))) continue;
      const parties = objectAfter(text, mentions, m.index + m[0].length);
      const end = parties[parties.length - 1]?.end ?? 0;
      if (parties.length >= 2) meetingOf(parties, ev(m.index, end), 'delegations-from', end);
    }
    // "A and B discussed the war during a meeting in Z", "A and B announced a truce after talks in
    // Z": the sentence's subject (titles may stand before it), two parties or more.
    const talksClause = /\b(?:during|at|in|after|following)\s+(?:(?:an?|the|their)\s+)?(?:[a-z-]+\s+){0,3}(?:talks|meeting|negotiations|discussions)\b/.exec(
      text,
    );
    if (talksClause && !planned(text, talksClause.index)) {
      const first = mentions.find((x) => isActor(text, x));
      // An adverbial may open the sentence ("Earlier in the day, he and Lavrov ..."), and "he and" may
      // stand before the first party named.
      const lead =
        /^[\s“"]*(?:(?:On|Last|This)\s+\p{Lu}\p{Ll}+,?\s+|\p{Lu}[\p{Ll} ]{2,30},\s+)?(?:(?:he|she|He|She)\s+and\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+|(?:of|the)\s+)*$/u;
      let subject = first && first.start < talksClause.index && lead.test(text.slice(0, first.start)) ? chainStartingWith(text, mentions, first) : [];
      const partner = subject.length ? /\b(he|she)\s+and\s+$/i.exec(text.slice(0, first!.start)) : null;
      const pronoun = partner ? pronounMention(s.number, partner.index, partner[1]) : undefined;
      if (pronoun && !subject.some((x) => x.entityId === pronoun.entityId)) subject = [pronoun, ...subject];
      const verb = subject.length
        ? /^(?:,[^,.;:“”"]{1,120},)?\s+(?:(?:also|have|has|had)\s+)?(?:[a-z]+ed|gave|held|made|took|had|spoke|began|reached|struck|signed|told)\b/.exec(
            text.slice(subject[subject.length - 1].end),
          )
        : null;
      const end = verb ? subject[subject.length - 1].end + verb[0].length : 0;
      // "A urged B during their talks", "A told B at the meeting": one party and the person it addressed.
      const addressed =
        verb &&
        subject.length === 1 &&
        /\b(?:told|urged|assured|briefed|asked|invited|thanked|informed)$/.test(verb[0]) &&
        /^(?:during|at|in)\s+(?:the|their)\b/i.test(talksClause[0])
          ? objectAfter(text, mentions, end).filter((o) => o.kind === 'person' && o.end <= talksClause.index)
          : [];
      if (verb && subject.length + addressed.length >= 2)
        meetingOf([...subject, ...addressed], ev(subject[0].start, addressed[addressed.length - 1]?.end ?? end), 'in-talks');
    }
    // "At their meeting in Z, A and B agreed …", "Following the talks, A and B signed …": the
    // parties named right after the opening clause (titles may stand before them), two or more.
    const opening =
      /^[\s“"]*(?:At|During|After|Following|In)\s+(?:their|the|a|an)\s+(?:[a-z-]+\s+){0,3}(?:meeting|talks|discussions|negotiations)\b[^,.;:“”"]{0,80},\s+/.exec(
        text,
      );
    const opener = opening && mentions.find((x) => x.start >= opening[0].length && isActor(text, x));
    if (opener && /^(?:\p{Lu}[\p{L}.’'-]*\s+|(?:of|the)\s+)*$/u.test(text.slice(opening[0].length, opener.start))) {
      const subject = chainStartingWith(text, mentions, opener);
      if (subject.length >= 2) meetingOf(subject, ev(opening.index, subject[subject.length - 1].end), 'in-talks', opening.index);
    }
    // "X and his US counterpart Y agreed in bilateral talks in Munich".
    for (const m of text.matchAll(/\b(?:[a-z]+\s+)?(?:in|during|at)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:talks|meeting|negotiations)\b/g)) {
      const verb = /^[a-z]+/.exec(m[0])?.[0];
      if (!verb || /^(?:in|during|at)$/.test(verb)) continue;
      const subject = subjectBefore(text, mentions, m.index);
      if (subject.length >= 2) meetingOf(subject, ev(subject[0].start, m.index + m[0].length), 'in-talks', m.index + m[0].length);
    }

    // "The meeting was attended by A, B and C", "Present at the meeting were A and B", "The talks
    // were led by A and B": the people named in the rest of the sentence took part in the meeting
    // told last (this sentence or the two before), or in one of their own when the text told none.
    const attended =
      /\b(?:(?:meeting|talks|discussions?|negotiations|reception|luncheon|dinner|banquet)(?:,\s+|\s+(?:was|were)\s+(?:also\s+)?)(?:attended|led|chaired|co-chaired|headed)\s+by|(?:meeting|talks)\s+(?:brought|bringing)\s+together|(?:[Aa]lso\s+)?[Pp]resent\s+(?:at\s+the\s+(?:meeting|talks)\s+)?(?:was|were)|[Aa]ccompanying\s+(?:the\s+)?[a-z ]{0,30}?(?:was|were)|[Aa]lso\s+(?:participating|taking\s+part)\s+[^,.;]{0,40}?(?:was|were))\s+/.exec(
        text,
      );
    const told = attended && [...meetings].reverse().find((x) => x.participants.length > 0 && x.evidence.some((e) => e.sentence >= s.number - 2));
    const present = attended ? mentions.filter((m) => m.start >= attended.index + attended[0].length && m.kind === 'person' && isActor(text, m)) : [];
    if (attended && told) {
      for (const p of present) addParticipant(told, p, ev(attended.index, p.end));
      addEvidence(told, ev(attended.index, text.length));
      if (!told.rules.includes('attended')) told.rules.push('attended');
    } else if (attended && !meetings.length && present.length >= 2 && !planned(text, attended.index)) {
      // No meeting told before in the text: the people named are the meeting's ("The talks were led by A and B").
      meetingOf(present, ev(attended.index, present[present.length - 1].end), 'attended');
    }
    // Talks held in a place.
    for (const m of text.matchAll(TALKS_IN)) {
      const place = placeAt(mentions, text, m.index + m[0].length);
      if (!place) continue;
      if (talks?.place && talks.place.id !== place.entityId) talks = undefined; // talks elsewhere are other talks
      const meeting = currentTalks(ev(m.index, place.end));
      if (!meeting.place) {
        meeting.place = { id: place.entityId, name: entityName(place), evidence: ev(m.index, place.end) };
        meeting.name = `Talks in ${/^United|^Netherlands/.test(entityName(place)) ? 'the ' : ''}${entityName(place)}`;
        meeting.key = `talks in ${entityName(place)}`;
      }
    }
    // Joining talks: participants of the current talks.
    for (const m of text.matchAll(PARTICIPATE)) {
      const subject = subjectBefore(text, mentions, m.index);
      if (!subject.length && !/\btalks\b/.test(m[0])) continue;
      // "X held talks with Y": a meeting of its own, found above, not a part in the talks told before.
      if (subject.length && meetings.slice(before).some((x) => subject.every((p) => x.participants.some((q) => q.id === p.entityId)))) continue;
      const meeting = currentTalks(ev(subject[0]?.start ?? m.index, m.index + m[0].length));
      for (const p of subject) addParticipant(meeting, p, ev(subject[0].start, m.index + m[0].length));
      if (subject.length && !meeting.rules.includes('joined-talks')) meeting.rules.push('joined-talks');
    }
    // "X met Y", "after meeting Y ..., X".
    for (const m of text.matchAll(
      /\b(met(?: with)?|meets(?: with)?|(?:is|are) meeting(?: with)?|sat down with|(?:[Aa]fter|[Bb]efore|[Ww]hile|[Ww]hen) meeting(?: with)?)\s+/g,
    )) {
      const gerund = /^(?:after|before|while|when) meeting/i.test(m[1]);
      // "X met separately with A and B": a meeting with each.
      const separately = /^separately\s+(?:with\s+)?/.exec(text.slice(m.index + m[0].length));
      if (separately && !gerund) {
        const subject = subjectBefore(text, mentions, m.index);
        const objects = subject.length ? objectAfter(text, mentions, m.index + m[0].length + separately[0].length) : [];
        for (const o of objects) meetingOf([...subject, o], ev(subject[0].start, o.end), 'met-object');
        if (objects.length) continue;
      }
      const objects = /^(?:in|at|on|for|during|briefly|privately|separately|again|last|this|late|early|behind|over)\b/.test(text.slice(m.index + m[0].length))
        ? []
        : objectAfter(text, mentions, m.index + m[0].length);
      if (!objects.length) {
        // "A, B and C met in Z": a meeting of the subject's parties.
        const together = gerund ? [] : subjectBefore(text, mentions, m.index);
        if (together.length >= 2) meetingOf(together, ev(together[0].start, m.index + m[1].length), 'met-together', m.index + m[0].length);
        continue;
      }
      let subject: ResolvedMention[];
      let subjectEvidence: EvidenceInput;
      const objectsEnd = objects[objects.length - 1].end;
      if (!gerund) {
        subject = subjectBefore(text, mentions, m.index);
        subjectEvidence = ev(subject[0]?.start ?? m.index, objectsEnd);
      } else if (/^[\s“"]*$/.test(text.slice(0, m.index))) {
        // "After meeting Y in Z, X said": X is the first actor after the clause.
        const comma = text.indexOf(',', objectsEnd);
        const first = comma < 0 ? undefined : mentions.find((x) => x.start > comma && isActor(text, x));
        subject = first ? chainStartingWith(text, mentions, first) : [];
        subjectEvidence = ev(m.index, subject[subject.length - 1]?.end ?? objectsEnd);
      } else {
        // "X joined ... after meeting Y": X is the sentence's first actor.
        const first = mentions.find((x) => x.end <= m.index && isActor(text, x));
        subject = first ? chainStartingWith(text, mentions, first) : [];
        subjectEvidence = ev(subject[0]?.start ?? m.index, subject[subject.length - 1]?.end ?? objectsEnd);
      }
      if (!subject.length) continue;
      // An apposition may stand between the last party and the place: "Kenji Sato, Japan’s minister, in Tokyo".
      const inPlace = /^(?:,[^,.;:?!]{1,80},)?\s+in\s+/.exec(text.slice(objectsEnd));
      const place = inPlace ? placeAt(mentions, text, objectsEnd + inPlace[0].length) : undefined;
      const parties = [...subject, ...objects];
      const names = parties.map((p) => entityName(p));
      const meeting: MeetingFinding = {
        name: `Meeting of ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}${place ? ` in ${entityName(place)}` : ''}`,
        key: `${parties.map((p) => surname(p, doc)).join(' ')}${place ? ` ${entityName(place)}` : ''}`,
        evidence: [ev(m.index, place ? place.end : objectsEnd)],
        participants: [],
        rules: ['met-object'],
      };
      // The same parties met before in this text (a headline, then the story): the same meeting, told again.
      const ids = new Set(parties.map((p) => p.entityId));
      const same = meetings.find((x) => x.participants.length === ids.size && x.participants.every((p) => ids.has(p.id)));
      const into = same ?? meeting;
      if (same) {
        addEvidence(same, meeting.evidence[0]);
        if (!same.rules.includes('met-object')) same.rules.push('met-object');
      }
      for (const p of subject) addParticipant(into, p, subjectEvidence);
      for (const p of objects) addParticipant(into, p, ev(m.index, objectsEnd));
      if (place && !into.place) into.place = { id: place.entityId, name: entityName(place), evidence: ev(m.index, place.end) };
      if (!same) meetings.push(meeting);
    }
    // A sentence that tells of a meeting in words no rule above reads ("A, who …, met with a number
    // of counterparts, including B", "quoted A as saying at a meeting with B") and names people
    // before and after the word: a meeting of those people (two to four), less sure than the rules above.
    if (meetings.length === before && !meetings.some((x) => x.evidence.some((e) => e.sentence === s.number))) {
      const people = mentions.filter((m, i, all) => m.kind === 'person' && isActor(text, m) && all.findIndex((x) => x.entityId === m.entityId) === i);
      const around = [...text.matchAll(MEETING_WORD)].some(
        (w) => people[0]?.end <= w.index && people[people.length - 1].start > w.index && !planned(text, w.index),
      );
      if (around && people.length >= 2 && people.length <= 4 && !plannedAfter(text, people[people.length - 1].end))
        meetingOf(people, ev(people[0].start, people[people.length - 1].end), 'co-mention');
    }
    // "A and B met on the sidelines of the summit in Z": the talks in Z that this sentence opened are
    // the meeting of A and B it names, not a second meeting without parties.
    const fresh = meetings.slice(before);
    const named = fresh.find((x) => x !== talks && x.participants.length >= 2);
    if (talks && named && fresh.includes(talks) && talks.participants.length === 0) {
      meetings.splice(meetings.indexOf(talks), 1);
      if (!named.place && talks.place) named.place = talks.place;
      talks = named;
    }
  }
  return meetings.filter((meeting) => meeting.participants.length > 0);
}
