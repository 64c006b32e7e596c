/** Resolvers of Meeting and Participation, and the meeting queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate, plainList } from './connection';

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: (_, { id }, ctx) => ctx.meetings.findById(id),
    meetings: (_, args, ctx, info) => paginate((q) => ctx.meetings.list(q), args, info),
  },
  Meeting: {
    location: (meeting, _, ctx) => ctx.meetings.location(meeting.id),
    participants: (meeting, _, ctx) => plainList((q) => ctx.meetings.participants(meeting, q)),
    participantsConnection: (meeting, args, ctx, info) => paginate((q) => ctx.meetings.participants(meeting, q), args, info),
    statements: (meeting, _, ctx) => plainList((q) => ctx.meetings.statements(meeting.id, q)),
    statementsConnection: (meeting, args, ctx, info) => paginate((q) => ctx.meetings.statements(meeting.id, q), args, info),
    events: (meeting, _, ctx) => plainList((q) => ctx.meetings.events(meeting.id, q)),
    eventsConnection: (meeting, args, ctx, info) => paginate((q) => ctx.meetings.events(meeting.id, q), args, info),
    precededBy: (meeting, _, ctx) => plainList((q) => ctx.meetings.precededBy(meeting.id, q)),
    precededByConnection: (meeting, args, ctx, info) => paginate((q) => ctx.meetings.precededBy(meeting.id, q), args, info),
    followedBy: (meeting, _, ctx) => plainList((q) => ctx.meetings.followedBy(meeting.id, q)),
    followedByConnection: (meeting, args, ctx, info) => paginate((q) => ctx.meetings.followedBy(meeting.id, q), args, info),
  },
};
