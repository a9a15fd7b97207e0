/** Beside every browser test: when one fails, a picture of each page it had open. */
import { afterEach } from 'vitest';
import { screenshotOpenPages } from './browser';

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshotOpenPages(task.name);
});
