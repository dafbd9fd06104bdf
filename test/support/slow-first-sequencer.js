// Orders the test files for `npm test`'s workers: the slow tier first (the typing test's six TypeScript
// programs, the packed-package consumer, the multi-process and Nest tests, the examples and the
// official-client tests, each a minute or more of child processes and compilers), so no worker is handed a
// two-minute file when the others are done. In the tier, files Jest has never timed here (a fresh clone, as
// CI has) go first in the order below, then the others longest first by the duration Jest cached; the rest
// keep Jest's own order (last run's failures, then cached duration, then file size).
const { relative, sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** Path prefixes of the slow tier, heaviest first (the order used when Jest has no durations cached). */
const SLOW_TIER = [
  'test/typing/',
  'test/package/',
  'test/multi-process/',
  'test/examples/',
  'test/nest/',
  'test/client/',
];

function tierOf(test) {
  const path = relative(test.context.config.rootDir, test.path).split(sep).join('/');
  const index = SLOW_TIER.findIndex((prefix) => path.startsWith(prefix));
  return index === -1 ? SLOW_TIER.length : index;
}

class SlowFirstSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    const position = new Map(ordered.map((test, index) => [test, index]));
    const slow = ordered.filter((test) => tierOf(test) < SLOW_TIER.length);
    const rest = ordered.filter((test) => tierOf(test) === SLOW_TIER.length);
    // In the tier: files Jest has no duration for (never run here) in the fixed order, then the longest first.
    const uncached = slow.filter((test) => test.duration == null).sort((a, b) => tierOf(a) - tierOf(b) || position.get(a) - position.get(b));
    const cached = slow.filter((test) => test.duration != null).sort((a, b) => b.duration - a.duration);
    return [...uncached, ...cached, ...rest];
  }
}

module.exports = SlowFirstSequencer;
