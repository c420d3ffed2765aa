/**
 * The hub's settings from the environment, checked in one place before anything starts (as
 * apps/server/src/environment.ts does for a centre): typed, defaults filled in, or one Error
 * naming every bad variable. An empty variable counts as unset.
 */
import { z } from 'zod';

const blankIsUnset = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const hubEnvironmentSchema = z.object({
  QUEUE_HUB_DATABASE_URL: z.preprocess(
    blankIsUnset,
    z
      .string({ error: 'required: a PostgreSQL URL such as postgres://hub@db.example.org/hub' })
      .refine((raw) => /^postgres(ql)?:\/\//.test(raw), 'expected a postgres:// or postgresql:// URL'),
  ),
  QUEUE_HUB_HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
  QUEUE_HUB_PORT: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'expected a port number from 0 to 65535' })
      .int('expected a port number from 0 to 65535')
      .min(0, 'expected a port number from 0 to 65535')
      .max(65_535, 'expected a port number from 0 to 65535')
      .default(8090),
  ),
  QUEUE_HUB_ADMIN_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string({ error: "required: the city administrator's token (at least 24 characters)" })
      .min(24, 'expected at least 24 characters'),
  ),
});

export interface HubEnvironment {
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly adminToken: string;
}

export const readHubEnvironment = (env: NodeJS.ProcessEnv): HubEnvironment => {
  const parsed = hubEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Bad environment settings:\n${problems.join('\n')}`);
  }
  return {
    databaseUrl: parsed.data.QUEUE_HUB_DATABASE_URL,
    host: parsed.data.QUEUE_HUB_HOST,
    port: parsed.data.QUEUE_HUB_PORT,
    adminToken: parsed.data.QUEUE_HUB_ADMIN_TOKEN,
  };
};
