/**
 * Example operations: the questions an analyst asks of the seeded article. The playground opens
 * with them as tabs, and the integration tests run every one, so they always work. Codegen reads
 * each query template marked with the GraphQL comment (codegen.ts), so every example is a trusted
 * document in the manifest (src/dashboard/gql/persisted-documents.json): keep the templates free
 * of `${}` interpolation, which codegen cannot read.
 */

/** One example: a tab title, the operation, and its variables (as JSON text). */
export interface Example {
  title: string;
  query: string;
  variables?: string;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Who took part in the UAE talks',
    query: /* GraphQL */ `# Who took part in the trilateral talks in the UAE, in what role, and where the article says so.
query UaeTalks {
  meetings(where: { name: "UAE" }) {
    nodes {
      name
      startDate { value precision inferred expression }
      endDate { value }
      location { name }
      participants { actor { name actorKind } role evidence { sentence excerpt source { title } } }
    }
  }
}`,
  },
  {
    title: 'Filter, sort and page',
    query: /* GraphQL */ `# Meetings in the UAE (or anywhere inside it) or with Putin, most participants first;
# for each, its participants page by page. Add the header {"x-debug-db": "1"} to see the round trips.
query FilterSortPage($after: String) {
  meetings(
    where: { OR: [{ locationId: "country:united-arab-emirates" }, { participantId: "actor:vladimir-putin" }] }
    orderBy: { field: PARTICIPANT_COUNT, direction: DESC }
  ) {
    totalCount
    nodes {
      name
      startDate { value }
      participantsConnection(first: 3, after: $after, orderBy: { field: NAME }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { role actor { name } }
      }
    }
  }
}`,
  },
  {
    title: 'Whom the envoys met in Moscow',
    query: /* GraphQL */ `query EnvoysInMoscow {
  meetings(where: { locationId: "location:moscow" }) {
    nodes {
      name
      followedBy { name }
      participants { actor { name } role }
      evidence { sentence excerpt source { title } }
    }
  }
}`,
  },
  {
    title: 'What Sybiha holds and said',
    query: /* GraphQL */ `query Sybiha {
  actor(id: "actor:andrii-sybiha") {
    name
    positions { position { title organization { name } } evidence { sentence excerpt source { title } } }
    statements { statementKind text meeting { name } evidence { sentence excerpt source { title } } }
  }
}`,
  },
  {
    title: 'Where Zelensky met Trump',
    query: /* GraphQL */ `query ZelenskyAndTrump {
  meetings(where: { participantId: "actor:volodymyr-zelensky" }) {
    nodes { name location { name } participants { actor { name } } evidence { sentence excerpt source { title } } }
  }
}`,
  },
  {
    title: 'What Russia demands',
    query: /* GraphQL */ `query RussiaStances {
  stances(where: { actorId: "country:russia" }) {
    nodes { stance topic summary about { id ... on Location { name } ... on Actor { name } } evidence { sentence excerpt source { title } } }
  }
}`,
  },
  {
    title: 'Statements with their evidence',
    query: /* GraphQL */ `query Statements($first: Int, $after: String) {
  statements(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        statementKind
        text
        speaker { name }
        reportedBy { name }
        evidence { sentence sentenceText excerpt start end }
      }
    }
  }
}`,
    variables: '{ "first": 5 }',
  },
  {
    title: 'Search with a misspelling',
    query: /* GraphQL */ `# Full-text search: names, aliases, titles, statement texts and descriptions; misspellings are
# matched within a small edit distance, and highlights mark the words that matched.
query Search($text: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(text: $text, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      score
      node { id __typename ... on Actor { name actorKind } ... on Location { name locationKind } ... on Statement { text statementKind speaker { name } } ... on Event { name eventKind } }
      highlights { field snippet matches { start end } }
    }
  }
}`,
    variables: '{ "text": "Sybyha", "first": 5 }',
  },
  {
    title: 'A node by id',
    query: /* GraphQL */ `query AnyNode {
  node(id: "country:russia") {
    id
    __typename
    ... on Actor { name aliases asLocation { parts { name } meetings { name } } }
  }
}`,
  },
  {
    title: 'How Sybiha is connected to Putin',
    query: /* GraphQL */ `# The shortest chain of stored facts between two nodes, each hop with its evidence.
query SybihaToPutin {
  path(fromId: "actor:andrii-sybiha", toId: "actor:vladimir-putin", maxHops: 4) {
    length
    nodes { id __typename }
    edges { type from { id } to { id } role relation evidence { sentence excerpt source { title } } }
  }
}`,
  },
  {
    title: 'Around the Moscow meeting',
    query: /* GraphQL */ `query MoscowMeetingNeighbourhood {
  neighbourhood(id: "meeting:envoys-putin-moscow", depth: 1, limit: 50) {
    center { id }
    nodes { id __typename }
    edges { id type role }
    truncated
  }
}`,
  },
  {
    title: 'Timeline',
    query: /* GraphQL */ `# Dated meetings, statements and events; a partial date (2025, 2025-01) sorts by its start.
query Timeline($from: PartialDate, $to: PartialDate, $first: Int, $after: String) {
  timeline(from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { kind date { value precision inferred expression } node { id ... on Event { name } ... on Meeting { name } } }
  }
}`,
    variables: '{ "from": "2025", "first": 10 }',
  },
  {
    title: 'Graph stats and central actors',
    query: /* GraphQL */ `# What the graph holds, and the actors most central to the meetings (PageRank over shared
# meetings). Both are cached by the service until the next load.
query StatsAndCentralActors {
  stats { sources lastLoadAt nodes { type count } relationships { type count } }
  topActors(by: PAGERANK, first: 5) { rank score actor { name actorKind } }
}`,
  },
];
