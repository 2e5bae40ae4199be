import { GitHubHost } from '../../actions/modelship/src/github-host';

/** the Action's log lines: text modelship relays (model answers, logs) can never act as a workflow command */
describe('GitHubHost', () => {
  let written: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    written = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it('neutralises workflow commands at the start of relayed lines, and masks secrets', () => {
    const host = new GitHubHost({}, '/work');
    host.setSecret('s3cr3t-value');
    written = [];
    host.info('model answered:\n::add-mask::x\n  ::set-output name=result::promoted\n##[error]fake\nkey s3cr3t-value ok');
    host.warn('pod log: ::stop-commands::token');
    const text = written.join('');
    // no line the runner would read as a command, other than the one it was written as
    const lines = text.split('\n').filter((l) => l !== '');
    const commands = lines.filter((l) => /^\s*(::|##\[)/.test(l));
    expect(commands).toEqual(['::warning::pod log: ::stop-commands::token']);
    expect(text).toContain(':\u200b:add-mask::x');
    expect(text).toContain('  :\u200b:set-output name=result::promoted');
    expect(text).toContain('#\u200b#[error]fake');
    expect(text).toContain('key *** ok');
    expect(text).not.toContain('s3cr3t-value');
  });
});
