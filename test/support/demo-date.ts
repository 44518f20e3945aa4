// Tests that check the seeds' own dates (April 24, 2015, "2014–2015", …) load the demo as of the
// day its story ends in 2015: the story calendar then moves nothing (src/demo/story-calendar.ts).
export const AS_OF_THE_SEEDS = { now: new Date('2015-06-20T19:00:00Z') };
