/** Resolvers of Meeting and Participation, and the meeting queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate } from './connection';

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: (_, { id }, ctx) => ctx.meetings.findById(id),
    meetings: (_, args, ctx) => paginate((filter, page) => ctx.meetings.list(filter, page), args),
  },
  Meeting: {
    location: (meeting, _, ctx) => ctx.meetings.location(meeting.id),
    participants: (meeting, _, ctx) => ctx.meetings.participants(meeting),
    statements: (meeting, _, ctx) => ctx.meetings.statements(meeting.id),
    events: (meeting, _, ctx) => ctx.meetings.events(meeting.id),
    precededBy: (meeting, _, ctx) => ctx.meetings.precededBy(meeting.id),
    followedBy: (meeting, _, ctx) => ctx.meetings.followedBy(meeting.id),
  },
};
