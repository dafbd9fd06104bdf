// Prints one plain closing line ("N passed, N failed, N skipped in 5m 12s") that CI tools can read without
// knowing jest; the time is the run's wall time, from Jest's start to the last file's end.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, startTime } = results;
    const seconds = Math.round((Date.now() - startTime) / 1000);
    const wall = `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
    process.stdout.write(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped in ${wall} (wall time)\n`);
  }
}
module.exports = SummaryReporter;
