import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changeDates, lastCommits, mayBeOutdated, uncommitted } from './contentHistory.ts';

const made: string[] = [];
afterAll(() => {
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('lastCommits', () => {
  it('gives each path the time of the newest commit that names it', () => {
    // As git prints it: a merge without paths, then two commits, newest first.
    const log = '\x00300\x00\x00200\x00\nnews/th/a.md\x00news/en/a.md\x00\x00100\x00\nnews/th/a.md\x00';
    expect(lastCommits(log)).toEqual(
      new Map([
        ['news/th/a.md', 200_000],
        ['news/en/a.md', 200_000],
      ]),
    );
    expect(lastCommits('')).toEqual(new Map());
  });
});

describe('uncommitted', () => {
  it('gives the changed paths under the folder, relative to it', () => {
    const status = [
      ' M site/content/news/th/a.md',
      '?? site/content/news/en/new.md',
      'R  site/content/news/en/b.md',
      'site/content/news/en/old-b.md',
      ' M README.md',
      '',
    ].join('\x00');
    expect(uncommitted(status, 'site/content/')).toEqual(
      new Set(['news/th/a.md', 'news/en/new.md', 'news/en/b.md']),
    );
  });
});

describe('mayBeOutdated', () => {
  it('allows a minute between a source and its translation', () => {
    const at = (time: string) => new Date(`2024-03-01T${time}Z`);
    expect(mayBeOutdated(at('00:01:00'), at('00:00:00'))).toBe(false);
    expect(mayBeOutdated(at('00:01:01'), at('00:00:00'))).toBe(true);
    expect(mayBeOutdated(at('00:00:00'), at('00:05:00'))).toBe(false);
  });
});

describe('changeDates', () => {
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], {
      cwd,
      env: { ...process.env, ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }) },
      stdio: 'ignore',
    });
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), 'smart-gender-history-'));
    made.push(root);
    return root;
  };
  const write = (dir: string, path: string, mtime: string, text = `${path}\n`) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    utimesSync(join(dir, path), new Date(mtime), new Date(mtime));
  };

  it('reads commit dates from one git log, in a content folder inside another repository', () => {
    const root = tree();
    const content = join(root, 'site', 'content');
    write(content, 'news/en/a.md', '2020-01-01T00:00:00Z');
    write(content, 'news/th/a.md', '2020-01-01T00:00:00Z');
    write(root, 'README.md', '2020-01-01T00:00:00Z');
    git(root, ['init', '-q']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-qm', 'first'], '2024-03-01T00:00:00Z');
    write(content, 'news/th/a.md', '2020-01-01T00:00:00Z', 'changed\n');
    git(root, ['commit', '-qam', 'second'], '2024-03-05T00:00:00Z');
    // Not committed: a changed file and a new one are as new as the disk says; a file only
    // touched is unchanged to git, and keeps its commit's date.
    write(content, 'news/en/a.md', '2024-04-01T00:00:00Z', 'changed\n');
    write(content, 'news/en/b.md', '2024-04-02T00:00:00Z');
    utimesSync(
      join(content, 'news/th/a.md'),
      new Date('2024-05-01T00:00:00Z'),
      new Date('2024-05-01T00:00:00Z'),
    );

    const changedAt = changeDates(content);
    expect(changedAt('news/th/a.md')).toEqual(new Date('2024-03-05T00:00:00Z'));
    expect(changedAt('news/en/a.md')).toEqual(new Date('2024-04-01T00:00:00Z'));
    expect(changedAt('news/en/b.md')).toEqual(new Date('2024-04-02T00:00:00Z'));
  });

  it('uses the files’ modification times outside git', () => {
    const content = tree();
    write(content, 'news/th/a.md', '2024-03-05T00:00:00Z');
    expect(changeDates(content)('news/th/a.md')).toEqual(new Date('2024-03-05T00:00:00Z'));
  });
});
