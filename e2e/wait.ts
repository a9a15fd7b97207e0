/**
 * How the browser tests wait: for what a person waits for — a state on the page — never
 * for a fixed time. Every assertion on something that arrives later goes through here, so
 * one figure sets how patient the suite is on a loaded 2-core machine (CI runs beside other
 * work). `npm run lint` refuses `expect.poll`, fixed sleeps and `waitForTimeout` elsewhere
 * in e2e/ (scripts/check-e2e-waits.mjs).
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The longest a test waits for one state: a lazily loaded page rendering under load. */
export const PATIENCE = 20_000;

/** Polls until the assertion holds (every 100 ms, at most PATIENCE): `await eventually(() => x()).toBe(1)`. */
export const eventually = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: PATIENCE, interval: 100 });

/** Waits until the page, or a part of it, shows this text to the reader. */
export const shows = (where: Page | Locator, text: string) =>
  eventually(() => ('goto' in where ? where.locator('body') : where).innerText()).toContain(text);
