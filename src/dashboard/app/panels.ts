/** The analytics panels: counts, top actors, co-occurrence, timeline and stance matrix. */
import { QueryError, request } from './client';
import { type Panel, h, panel, table } from './dom';
import {
  DashboardCoOccurrenceDocument,
  DashboardStanceMatrixDocument,
  DashboardStatsDocument,
  DashboardTimelineDocument,
  DashboardTopActorsDocument,
  type TopActorsBy,
} from '../gql/graphql';

/** The months the timeline covers: the seed article's dates fall inside them. */
export const TIMELINE_RANGE = { from: '2022-01', to: '2026-12' } as const;

/** Runs `load` for a panel, showing its error message in the panel when it fails. */
async function fill(p: Panel, load: () => Promise<void>): Promise<void> {
  p.loading();
  try {
    await load();
  } catch (error) {
    const codes = error instanceof QueryError ? [...new Set(error.codes)].join(', ') : '';
    p.fail(codes ? `${(error as Error).message} (${codes})` : (error as Error).message);
  }
}

export function loadStats(): Promise<void> {
  const p = panel('stats');
  return fill(p, async () => {
    const { stats } = await request(DashboardStatsDocument);
    const counts = (title: string, list: { type: string; count: number }[]) =>
      table(
        [title, 'Count'],
        list.map((c) => [c.type, h('span', { class: 'num' }, c.count)]),
        { class: 'counts' },
      );
    p.show(
      h(
        'p',
        { class: 'stat-summary' },
        h('strong', {}, stats.sources),
        ` source${stats.sources === 1 ? '' : 's'}`,
        stats.lastLoadAt ? `, last load ${stats.lastLoadAt}` : '',
      ),
      h('div', { class: 'two-col' }, counts('Node type', stats.nodes), counts('Relationship', stats.relationships)),
    );
  });
}

/** The top-actors panel with its DEGREE / PAGERANK switch; `open` shows an actor in the graph. */
export function setupTopActors(open: (id: string) => void): Promise<void> {
  const p = panel('top-actors');
  const buttons = [...p.root.querySelectorAll<HTMLButtonElement>('button[data-by]')];
  const load = (by: TopActorsBy) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.by === by));
    p.root.dataset.by = by;
    return fill(p, async () => {
      const { topActors } = await request(DashboardTopActorsDocument, { by, first: 10 });
      p.show(
        topActors.length
          ? table(
              ['#', 'Actor', 'Kind', by === 'PAGERANK' ? 'PageRank' : 'Degree'],
              topActors.map((r) => [
                r.rank,
                h('button', { class: 'link', 'data-actor': r.actor.id, type: 'button' }, r.actor.name),
                r.actor.actorKind,
                h('span', { class: 'num' }, by === 'PAGERANK' ? r.score.toFixed(4) : r.score),
              ]),
            )
          : null,
      );
    });
  };
  for (const b of buttons) b.addEventListener('click', () => void load(b.dataset.by as TopActorsBy));
  p.body.addEventListener('click', (event) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-actor]')?.dataset.actor;
    if (id) open(id);
  });
  return load('DEGREE');
}

export function loadCoOccurrence(): Promise<void> {
  const p = panel('co-occurrence');
  return fill(p, async () => {
    const { coOccurrence } = await request(DashboardCoOccurrenceDocument, { first: 15 });
    p.show(
      coOccurrence.length
        ? table(
            ['Actor', 'Actor', 'Meetings together'],
            coOccurrence.map((pair) => [pair.a.name, pair.b.name, h('span', { class: 'num' }, pair.count)]),
          )
        : null,
    );
  });
}

export function loadTimeline(): Promise<void> {
  const p = panel('timeline');
  return fill(p, async () => {
    const { timelineBuckets } = await request(DashboardTimelineDocument, { ...TIMELINE_RANGE });
    const total = (b: (typeof timelineBuckets)[number]) => b.meetings + b.statements + b.events;
    const max = Math.max(1, ...timelineBuckets.map(total));
    const bars = timelineBuckets.map((b) => {
      const month = b.start.slice(0, 7);
      const label = `${month}: ${b.meetings} meetings, ${b.statements} statements, ${b.events} events`;
      const seg = (kind: string, n: number) => (n ? h('span', { class: `seg ${kind}`, style: `height:${(100 * n) / max}%` }) : null);
      return h(
        'div',
        { class: 'bar', title: label, 'data-month': month, 'data-total': total(b), 'aria-label': label, role: 'img' },
        seg('events', b.events),
        seg('statements', b.statements),
        seg('meetings', b.meetings),
        month.endsWith('-01') ? h('span', { class: 'year' }, month.slice(0, 4)) : null,
      );
    });
    p.show(
      timelineBuckets.length ? h('div', { class: 'bars' }, ...bars) : null,
      timelineBuckets.length
        ? h(
            'p',
            { class: 'legend' },
            h('span', { class: 'key meetings' }),
            'meetings ',
            h('span', { class: 'key statements' }),
            'statements ',
            h('span', { class: 'key events' }),
            'events; hover a bar for its counts',
          )
        : null,
    );
  });
}

export function loadStanceMatrix(): Promise<void> {
  const p = panel('stance-matrix');
  return fill(p, async () => {
    const { stanceMatrix: m } = await request(DashboardStanceMatrixDocument);
    const cell = new Map(m.cells.map((c) => [`${c.actor.id}\u0000${c.topic}`, c]));
    const rows = m.actors.map((a) => [
      h('th', { scope: 'row' }, a.name),
      ...m.topics.map((t) => {
        const c = cell.get(`${a.id}\u0000${t}`);
        return h('td', c ? { class: 'has-stance', title: c.stances.map((s) => s.summary).join('\n') } : {}, c ? c.stances.map((s) => s.stance).join(', ') : '');
      }),
    ]);
    p.show(
      m.actors.length
        ? h(
            'div',
            { class: 'scroll' },
            h(
              'table',
              { class: 'matrix' },
              h('thead', {}, h('tr', {}, h('th', {}, 'Actor \\ topic'), ...m.topics.map((t) => h('th', { scope: 'col' }, t)))),
              h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r))),
            ),
          )
        : null,
    );
  });
}
