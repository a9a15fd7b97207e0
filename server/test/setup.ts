/**
 * Runs beside every API test file: a 5xx answer fails the test that met it (with the
 * request and the server's error), and the file's answers join the run's summary.
 */
import { afterAll, afterEach, expect } from 'vitest';
import { answers, describeServerErrors, takeServerErrors } from './answers';
import { tally } from './hostile/tally';

function expectNoServerErrors() {
  const errors = takeServerErrors();
  expect(errors, `the server answered 5xx:\n${describeServerErrors(errors)}`).toEqual([]);
}

afterEach(expectNoServerErrors);
afterAll(() => {
  tally({ source: 'answers', serverErrors: answers.serverErrors, unavailable: answers.unavailable });
  expectNoServerErrors(); // those met in a file's own setup and teardown
});
