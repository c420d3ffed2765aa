/** A schema's refusal in one line for the client: where and what, the first five problems. */
import type { z } from 'zod';

/** `whole` names the input itself when a problem is not in any one field. */
export const describeIssues = (error: z.ZodError, whole: string): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`)
    .join('; ');
