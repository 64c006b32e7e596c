/**
 * The questions an analyst asks of the article, asked over HTTP as a client would, with the answers
 * and the evidence a reader can check against the article.
 */
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

const EVIDENCE = 'evidence { sentence sentenceText excerpt start end source { id text } }';

interface Ev {
  sentence: number;
  sentenceText: string;
  excerpt: string;
  start: number;
  end: number;
  source: { id: string; text: string };
}

/** The evidence a user sees must be real: the excerpt is in its sentence and at its offsets. */
function expectEvidence(evidence: Ev[], ...excerpts: string[]): void {
  expect(evidence.length).toBeGreaterThan(0);
  for (const e of evidence) {
    expect(e.sentenceText).toContain(e.excerpt);
    expect(e.source.text.slice(e.start, e.end)).toBe(e.excerpt);
  }
  for (const wanted of excerpts) expect(evidence.map((e) => e.excerpt).join(' | ')).toContain(wanted);
}

test('who took part in the UAE talks, and in what role', async () => {
  const data = await t.api.data(`{
    meetings(where: { name: "UAE" }) {
      totalCount
      nodes { id name location { name } participants { actor { name } role ${EVIDENCE} } }
    }
  }`);
  expect(data.meetings.totalCount).toBe(1);
  const [talks] = data.meetings.nodes;
  expect(talks.location.name).toBe('United Arab Emirates');
  const byName = Object.fromEntries(talks.participants.map((p: { actor: { name: string } }) => [p.actor.name, p]));
  expect(Object.keys(byName).sort()).toEqual(
    ['Jared Kushner', 'Russia', 'Russian officials', 'Steve Witkoff', 'Ukraine', 'Ukrainian officials', 'United States', 'Yuri Ushakov'].sort(),
  );
  expect(byName['Yuri Ushakov'].role).toBe('Putin’s foreign policy adviser');
  expectEvidence(byName['Yuri Ushakov'].evidence, 'who took part in the talks');
  expectEvidence(byName['Steve Witkoff'].evidence);
});

test('whom the US envoys met in Moscow, before the UAE talks', async () => {
  const data = await t.api.data(`{
    meetings(where: { locationId: "location:moscow" }) {
      nodes { name participants { actor { id } } followedBy { id } ${EVIDENCE} }
    }
  }`);
  expect(data.meetings.nodes).toHaveLength(1);
  const [moscow] = data.meetings.nodes;
  expect(moscow.participants.map((p: { actor: { id: string } }) => p.actor.id).sort()).toEqual([
    'actor:jared-kushner',
    'actor:steve-witkoff',
    'actor:vladimir-putin',
  ]);
  expect(moscow.followedBy).toEqual([{ id: 'meeting:uae-trilateral-talks' }]);
  expectEvidence(moscow.evidence, 'after meeting the Russian president Vladimir Putin in Moscow');
});

test('what office Andrii Sybiha holds, and what he said', async () => {
  const data = await t.api.data(`{
    actor(id: "actor:andrii-sybiha") {
      positions { position { title organization { name } } ${EVIDENCE} }
      statements { kind text meeting { id } ${EVIDENCE} }
    }
  }`);
  const [held] = data.actor.positions;
  expect(held.position).toEqual({ title: 'Minister for foreign affairs of Ukraine', organization: { name: 'Ukraine' } });
  expectEvidence(held.evidence, 'Andrii Sybiha, Ukraine’s minister for foreign affairs');
  const texts = data.actor.statements.map((s: { text: string }) => s.text);
  expect(texts).toEqual([
    'His [Putin’s] missiles hit not only our people, but also the negotiation table',
    'Peace efforts? Trilateral meeting in the UAE? Diplomacy? For Ukrainians, this was another night of Russian terror.',
  ]);
  expect(data.actor.statements.every((s: { kind: string }) => s.kind === 'QUOTE')).toBe(true);
  expect(data.actor.statements[1].meeting).toEqual({ id: 'meeting:uae-trilateral-talks' });
  for (const s of data.actor.statements) expectEvidence(s.evidence);
});

test('where Zelensky met Trump', async () => {
  const data = await t.api.data(`{
    meetings(where: { participantId: "actor:volodymyr-zelensky" }) {
      nodes { name location { name partOf { name } } participants { actor { name } } ${EVIDENCE} }
    }
  }`);
  expect(data.meetings.nodes).toHaveLength(1);
  const [davos] = data.meetings.nodes;
  expect(davos.location).toEqual({ name: 'Davos', partOf: null }); // the article does not say where Davos is
  expect(davos.participants.map((p: { actor: { name: string } }) => p.actor.name).sort()).toEqual(['Donald Trump', 'Volodymyr Zelensky']);
  expectEvidence(davos.evidence, 'After meeting Trump in Davos');
});

test('what Russia demands', async () => {
  const data = await t.api.data(`{
    stances(where: { actorId: "country:russia", stance: "DEMANDS" }) {
      nodes { topic summary about { id } ${EVIDENCE} }
    }
  }`);
  expect(data.stances.nodes).toHaveLength(1);
  const [demand] = data.stances.nodes;
  expect(demand.about.map((n: { id: string }) => n.id)).toContain('location:donbas');
  expectEvidence(demand.evidence, 'Russia is demanding control over the entire eastern Donbas region as a precondition');
});

test('who Jared Kushner is to Donald Trump, seen from both ends', async () => {
  const data = await t.api.data(`{
    kushner: actor(id: "actor:jared-kushner") { relations { type direction other { id } ${EVIDENCE} } }
    trump: actor(id: "actor:donald-trump") { relations { type direction other { id } } }
  }`);
  const [relation] = data.kushner.relations;
  expect(relation).toMatchObject({ type: 'SON_IN_LAW_OF', direction: 'OUTGOING', other: { id: 'actor:donald-trump' } });
  expectEvidence(relation.evidence, 'Donald Trump’s son-in-law Jared Kushner');
  expect(data.trump.relations).toContainEqual({ type: 'SON_IN_LAW_OF', direction: 'INCOMING', other: { id: 'actor:jared-kushner' } });
});

test('what Tass reported about the talks', async () => {
  const data = await t.api.data(`{
    statements(where: { textContains: "buffer zones" }) {
      nodes { kind text speaker { name } reportedBy { name description } ${EVIDENCE} }
    }
  }`);
  expect(data.statements.nodes).toHaveLength(1);
  const [claim] = data.statements.nodes;
  expect(claim).toMatchObject({ kind: 'REPORTED', speaker: null, reportedBy: { name: 'Tass' } });
  expectEvidence(claim.evidence, 'Tass news agency said buffer zones and control mechanisms would be discussed');
});

test('when the talks were held: inferred dates, with the article’s own words', async () => {
  const data = await t.api.data(`{
    meeting(id: "meeting:uae-trilateral-talks") {
      startDate { value precision inferred expression }
      endDate { value precision inferred expression }
      outcome
    }
    source(id: "source:observer-uae-talks") { publishedDate { value inferred } }
  }`);
  expect(data.meeting.startDate).toEqual({ value: '2026-01-23', precision: 'DAY', inferred: true, expression: 'this weekend' });
  expect(data.meeting.endDate).toMatchObject({ value: '2026-01-24', inferred: true });
  expect(data.meeting.outcome).toMatch(/unclear what progress/);
  expect(data.source.publishedDate).toEqual({ value: '2026-01-25', inferred: true });
});

test('what happened during the talks: strikes, with no invented city names', async () => {
  const data = await t.api.data(`{
    meeting(id: "meeting:uae-trilateral-talks") {
      events { name kind date { value expression } location { name } involvement { actor { name } role } ${EVIDENCE} }
    }
  }`);
  const [strikes] = data.meeting.events;
  expect(strikes).toMatchObject({ kind: 'STRIKE', date: { value: '2026-01-24', expression: 'The second day of talks' }, location: { name: 'Ukraine' } });
  expect(strikes.name).toMatch(/two largest cities/);
  expect(strikes.involvement).toContainEqual({ actor: { name: 'Russia' }, role: 'attacker' });
  expectEvidence(strikes.evidence, 'marred by waves of Russian strikes');
});

test('which meetings were held in Russia, counting its cities', async () => {
  const data = await t.api.data(`{
    location(id: "country:russia") { kind asActor { id } parts { name } meetings { id } }
    meetings(where: { locationId: "country:russia" }) { totalCount }
  }`);
  expect(data.location).toEqual({
    kind: 'COUNTRY',
    asActor: { id: 'country:russia' },
    parts: [{ name: 'Moscow' }],
    meetings: [{ id: 'meeting:envoys-putin-moscow' }],
  });
  expect(data.meetings.totalCount).toBe(1);
});

test('what "Moscow" rejects: an alias of the Russian government', async () => {
  const data = await t.api.data(`{
    actors(where: { name: "moscow" }) { nodes { id stances { stance summary about { id } ${EVIDENCE} } } }
  }`);
  expect(data.actors.nodes.map((a: { id: string }) => a.id)).toEqual(['country:russia']);
  const rejects = data.actors.nodes[0].stances.find((s: { stance: string }) => s.stance === 'REJECTS');
  expect(rejects.about.map((n: { id: string }) => n.id)).toContain('actor:nato');
  expectEvidence(rejects.evidence, 'Moscow rejects the deployment of forces from any Nato member state');
});

test('who spoke about territory', async () => {
  const data = await t.api.data(`{
    statements(where: { textContains: "territorial" }) { nodes { text speaker { name positions { position { title } } } } }
  }`);
  expect(data.statements.nodes).toEqual([
    {
      text: 'A longterm settlement can’t be expected without solving the territorial issue',
      speaker: { name: 'Yuri Ushakov', positions: [{ position: { title: 'Foreign policy adviser to the Russian president' } }] },
    },
  ]);
});

test('who took the photograph: the credit is a fact about the source', async () => {
  const data = await t.api.data(`{
    sources { id publisher credits { actor { name } role ${EVIDENCE} } }
  }`);
  expect(data.sources).toHaveLength(1);
  const credits = data.sources[0].credits;
  expect(credits.find((c: { role: string }) => c.role === 'photographer').actor.name).toBe('Oleksandr Magula');
  for (const c of credits) expectEvidence(c.evidence);
  expect(credits[0].evidence[0].sentenceText).toBe('Photograph by Oleksandr Magula/AFP via Getty Images');
});
