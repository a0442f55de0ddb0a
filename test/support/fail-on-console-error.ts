import { afterEach, beforeEach, expect } from 'vitest';

// A console error during a test is a bug somewhere; make it fail the test that caused it.
let errors: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  expect(errors, 'console.error was called during the test').toEqual([]);
});
