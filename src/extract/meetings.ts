/**
 * Meetings: who met whom, and where.
 *
 *   X met (with) Y (in Z)                    a meeting of X and Y, held in Z
 *   after meeting Y in Z, X ... / X ... after meeting Y in Z
 *   X met for ... talks / X joined the talks / X, who took part in the talks / X has engaged in the talks
 *   talks in Z / meeting in Z                the current talks are held in Z
 *
 * "The talks" is taken to mean the talks the text last spoke of, so participants named in
 * different sentences gather on one meeting. X and Y are people, groups, organisations or
 * countries that are not possessives or attributive ("the US president’s" names no participant).
 */
import type { EvidenceInput } from '../facts/format';
import type { AnalysedText } from './document';
import type { ResolvedMention } from './entities';
import { isOfficeNoun } from './lexicon';

/** A meeting and what the text says about it. */
export interface MeetingFinding {
  /** How the meeting is named: its place and, for a meeting of named parties, who met. */
  name: string;
  /** Words to build the id from. */
  key: string;
  evidence: EvidenceInput[];
  participants: { id: string; evidence: EvidenceInput }[];
  place?: { id: string; name: string; evidence: EvidenceInput };
}

const ACTOR_KINDS = new Set(['person', 'group', 'organization', 'country']);
const PLACE_KINDS = new Set(['country', 'city', 'place']);
const PARTICIPATE = /\b(?:met for [^.;]*?\btalks|joined (?:the )?talks|took part in (?:the )?talks|engaged in (?:the )?talks|attended (?:the )?talks|participated in (?:the )?talks|held (?:[a-z-]+ ){0,2}talks)\b/g;
const TALKS_IN = /(?<!\b(?:after|before|while|when) )\b(?:talks|meeting|summit|negotiations)(?: [a-z]+){0,3}? in (?=\S)/gi;

/** True when the mention is part of a title or possessive, not a participant. */
function attributive(text: string, m: ResolvedMention): boolean {
  if (m.possessive || m.kind === 'demonym' || !m.entityId) return true;
  const next = /^\s+([\p{L}-]+)/u.exec(text.slice(m.end));
  return !!next && isOfficeNoun(next[1].replace(/['’]s$/, ''));
}

const isActor = (text: string, m: ResolvedMention) => ACTOR_KINDS.has(m.kind) && !attributive(text, m);

/** The actors joined by "and" (with titles between allowed) ending with `last`, first to last. */
function chainEndingWith(text: string, mentions: ResolvedMention[], last: ResolvedMention): ResolvedMention[] {
  const chain = [last];
  const actors = mentions.filter((m) => isActor(text, m));
  for (let i = actors.indexOf(last) - 1; i >= 0; i -= 1) {
    const between = text.slice(actors[i].end, chain[0].start);
    if (actors[i].end === chain[0].end) chain.unshift(actors[i]); // "Ukrainian and Russian officials"
    else if (/^,?\s+and\s+[^.;:?!“”"]*$/.test(between) && between.split(/\s+/).length <= 9) chain.unshift(actors[i]);
    else break;
  }
  return chain;
}

/** The actors joined by "and" starting with `first`. */
function chainStartingWith(text: string, mentions: ResolvedMention[], first: ResolvedMention): ResolvedMention[] {
  const chain = [first];
  const actors = mentions.filter((m) => isActor(text, m));
  for (let i = actors.indexOf(first) + 1; i < actors.length; i += 1) {
    const between = text.slice(chain[chain.length - 1].end, actors[i].start);
    if (/^,?\s+and\s+[^.;:?!“”"]*$/.test(between) && between.split(/\s+/).length <= 9) chain.push(actors[i]);
    else break;
  }
  return chain;
}

/** The subject right before offset `at`: "X met", "X has engaged", "X, who took part". */
function subjectBefore(text: string, mentions: ResolvedMention[], at: number): ResolvedMention[] {
  const last = [...mentions].reverse().find((m) => m.end <= at && isActor(text, m));
  if (!last || !/^(?:,\s*who\s+|,\s*|\s+)(?:(?:has|have|had|also|then|later|both)\s+)*$/.test(text.slice(last.end, at))) return [];
  return chainEndingWith(text, mentions, last);
}

/** The object right after offset `at`, titles allowed before it: "met the Russian president Vladimir Putin". */
function objectAfter(text: string, mentions: ResolvedMention[], at: number): ResolvedMention[] {
  const first = mentions.find((m) => m.start >= at && isActor(text, m));
  if (!first || !/^[^.,;:?!“”"]*$/.test(text.slice(at, first.start)) || text.slice(at, first.start).split(/\s+/).length > 6) return [];
  return chainStartingWith(text, mentions, first);
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
export function findMeetings(doc: AnalysedText): MeetingFinding[] {
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
      talks = { name: 'Talks', key: 'talks', evidence: [], participants: [] };
      meetings.push(talks);
    }
    addEvidence(talks, evidence);
    return talks;
  };

  for (const s of doc.sentences) {
    const text = s.text;
    const mentions = doc.mentionsIn(s.number);
    const ev = (from: number, to: number): EvidenceInput => doc.evidence(s.number, from, to);

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
      const meeting = currentTalks(ev(subject[0]?.start ?? m.index, m.index + m[0].length));
      for (const p of subject) addParticipant(meeting, p, ev(subject[0].start, m.index + m[0].length));
    }
    // "X met Y", "after meeting Y ..., X".
    for (const m of text.matchAll(/\b(met(?: with)?|(?:[Aa]fter|[Bb]efore|[Ww]hile|[Ww]hen) meeting(?: with)?)\s+(?!for\b)/g)) {
      const gerund = !m[1].startsWith('met');
      const objects = objectAfter(text, mentions, m.index + m[0].length);
      if (!objects.length) continue;
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
      };
      for (const p of subject) addParticipant(meeting, p, subjectEvidence);
      for (const p of objects) addParticipant(meeting, p, ev(m.index, objectsEnd));
      if (place) meeting.place = { id: place.entityId, name: entityName(place), evidence: ev(m.index, place.end) };
      meetings.push(meeting);
    }
  }
  return meetings.filter((meeting) => meeting.participants.length > 0 || meeting.place);
}
