/** The log line's shape holds whatever the fields say, and errors keep their stacks. */
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

const linesOf = (
  run: (logger: ReturnType<typeof createLogger>) => void,
  level: 'debug' | 'info' = 'info',
) => {
  const lines: string[] = [];
  run(createLogger(level, (line) => lines.push(line)));
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
};

describe('logger', () => {
  it('writes time, level and message, then the fields, one JSON object a line', () => {
    const [line] = linesOf((logger) => logger.info('login', { login: 'operator1', deskId: 'desk-1' }));
    expect(line).toMatchObject({ level: 'info', msg: 'login', login: 'operator1', deskId: 'desk-1' });
    expect(Number.isNaN(Date.parse(String(line?.time)))).toBe(false);
  });

  it('never lets a field overwrite the time, the level or the message', () => {
    const [line] = linesOf((logger) =>
      logger.warn('refused', { time: 'forged', level: 'debug', msg: 'all is well', pid: 1 }),
    );
    expect(line).toMatchObject({
      level: 'warn',
      msg: 'refused',
      _time: 'forged',
      _level: 'debug',
      _msg: 'all is well',
      _pid: 1,
    });
    expect(line?.time).not.toBe('forged');
  });

  it('writes an error with its type, message and stack', () => {
    const [line] = linesOf((logger) => logger.error('http handler failed', { error: new TypeError('boom') }));
    const error = line?.error as { type: string; message: string; stack: string };
    expect(error.type).toBe('TypeError');
    expect(error.message).toBe('boom');
    expect(error.stack).toContain('logger.test.ts');
  });

  it('drops lines below its level', () => {
    expect(linesOf((logger) => logger.debug('noise'))).toEqual([]);
    expect(linesOf((logger) => logger.debug('noise'), 'debug')).toHaveLength(1);
  });
});
