// Environment: any. Errors in words for logs and for the agent (zod issues name their fields).
import { z } from 'zod';

/** "shopper.email: Invalid email; text: Too small" — every issue with its path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(value)'}: ${issue.message}`)
    .join('; ');
}

export function describeError(error: unknown): string {
  if (error instanceof z.ZodError) return describeIssues(error.issues);
  if (error instanceof Error) return error.message;
  return String(error);
}
