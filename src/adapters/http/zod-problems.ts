import type { z } from 'zod';

import type { FieldProblem } from '../../domain/errors';

/** Turns zod's issues into field problems a person can read, one per issue, with dotted paths. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = path === '' ? 'The body' : `“${path}”`;
    switch (issue.code) {
      case 'unrecognized_keys':
        return {
          path,
          message: `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}. Remove ${issue.keys.length > 1 ? 'them' : 'it'}.`,
        };
      case 'invalid_type':
        return {
          path,
          message:
            issue.input === undefined
              ? `${field} is missing.`
              : `${field} must be ${article(issue.expected)}.`,
        };
      case 'invalid_value':
        return { path, message: `${field} must be one of: ${issue.values.map(String).join(', ')}.` };
      case 'invalid_union':
        return { path, message: `${field} does not match any of the allowed shapes.` };
      case 'too_big':
        return { path, message: `${field} is too long.` };
      default:
        return { path, message: `${field}: ${issue.message}` };
    }
  });
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
  };
  return names[expected] ?? expected;
}
