import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeSystemError, withPath } from '../../src/system-error.js';

describe('describing a failure of the system', () => {
  it('names the path (which Node leaves out of a failed write) and the cause of a real full device: /dev/full answers every write with ENOSPC', async () => {
    const error = await writeFile('/dev/full', 'x').catch((failure: unknown) => withPath(failure, '/dev/full'));
    expect(describeSystemError(error)).toEqual({
      message: 'cannot write /dev/full: no space is left on the device',
      details: ['write failed with ENOSPC', 'Free some space on that device (or choose a folder on another one) and run it again.'],
    });
  });

  it('says "read" for a failed read, and keeps the system\'s words for a code it has none for', async () => {
    expect(describeSystemError({ code: 'EACCES', syscall: 'scandir', path: '/x' })?.message).toBe('cannot read /x: permission denied');
    expect(describeSystemError(Object.assign(new Error('odd'), { code: 'EXDEV', syscall: 'rename', path: '/y' }))?.message).toBe('cannot write /y: odd');
  });

  it('leaves anything that is not a system failure to be reported as a bug', () => {
    expect(describeSystemError(new TypeError('x is undefined'))).toBeUndefined();
    expect(describeSystemError({ code: 'ERR_INVALID_ARG_TYPE', syscall: 'open' })).toBeUndefined();
    expect(describeSystemError(undefined)).toBeUndefined();
  });
});
