import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkContent, formatProblem } from './contentCheck.ts';

/*
 * Each case copies the real content, makes one mistake an editor could make, and checks
 * the report names the file, the line or field, and the problem.
 */

const made: string[] = [];
afterAll(() => {
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const newsTh = 'content/news/th/smart-gender-launch.md';
const newsEn = 'content/news/en/smart-gender-launch.md';
const relatedEn = 'content/related/en/chiang-mai-ev-street-cleaner.md';

/** Runs the checker on a copy of the content changed by `change`; returns its report lines. */
function check(change: (path: (file: string) => string) => void, now?: Date): string[] {
  const root = mkdtempSync(join(tmpdir(), 'smart-gender-check-'));
  made.push(root);
  cpSync('content', join(root, 'content'), { recursive: true });
  const path = (file: string) => join(root, file);
  change(path);
  return checkContent(join(root, 'content'), now ? { root, now } : { root }).map(formatProblem);
}

function replace(file: string, from: RegExp | string, to: string) {
  const text = readFileSync(file, 'utf8');
  if (!(typeof from === 'string' ? text.includes(from) : from.test(text)))
    throw new Error(`${file} lacks ${String(from)}`);
  writeFileSync(file, text.replace(from, to));
}

const errors = (lines: string[]) => lines.filter((l) => l.includes(': error: '));

/** A photo as a camera's file holds one: a JPEG, 1600 px wide (wide enough for a cover). */
const aPhoto = await sharp({
  create: { width: 1600, height: 1200, channels: 3, background: '#884422' },
})
  .jpeg()
  .toBuffer();
/** The change that changes nothing: the real content as it is. */
const unchanged = () => undefined;

describe('npm run check', () => {
  it('passes the real content', () => {
    expect(errors(check(unchanged))).toEqual([]);
  });

  const cases: [string, (p: (f: string) => string) => void, RegExp][] = [
    [
      'a YAML syntax error',
      (p) => replace(p(newsTh), /^venue: .*$/m, 'venue: "พิพิธภัณฑ์ธนารักษ์'),
      // The line that opened the quote, with its field, once, before the message.
      /^content\/news\/th\/smart-gender-launch\.md:\d+: error: venue: YAML syntax error: [^;\d]*quote; check quotes/,
    ],
    [
      'a file that is not UTF-8',
      (p) => writeFileSync(p(newsEn), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1')),
      /^content\/news\/en\/smart-gender-launch\.md: error: is not UTF-8 text/,
    ],
    [
      'an invalid date',
      (p) => replace(p(newsTh), /^date: .*$/m, 'date: "23/02/2567"'),
      /^content\/news\/th\/smart-gender-launch\.md:4: error: date: must be a date-time with its offset/,
    ],
    [
      'a Buddhist Era year',
      (p) => replace(p(newsTh), /^date: .*$/m, 'date: "2567-02-23T09:00:00+07:00"'),
      /^content\/news\/th\/smart-gender-launch\.md:4: error: date: 2567 is a Buddhist Era year: write the year in the Christian Era, 2024/,
    ],
    [
      'a date without quotes',
      (p) => replace(p(newsTh), /^date: .*$/m, 'date: 2024-02-23T09:00:00+07:00'),
      /smart-gender-launch\.md:4: error: date: write the date-time in quotes/,
    ],
    [
      "related stories written on the field's own line, not as a list",
      (p) => replace(p(newsEn), /^related:\n( {2}- .*\n)+/m, 'related: chiang-mai-ev-street-cleaner\n'),
      /news\/en\/smart-gender-launch\.md:\d+: error: related: must be a list of file names, each on a line of its own starting with "- ", or \[\] for none \/ ต้องเป็นรายการชื่อไฟล์/,
    ],
    [
      'a cover written as its path alone',
      (p) => replace(p(newsEn), /^venue:/m, 'cover: ../../media/launch/cover.jpg\nvenue:'),
      /news\/en\/smart-gender-launch\.md:\d+: error: cover: must be a photo: its path as "src:" and what it shows as "alt:"/,
    ],
    [
      'a title over its limit',
      (p) => replace(p(newsEn), /^title: .*$/m, `title: ${'Long title '.repeat(12)}`),
      /news\/en\/smart-gender-launch\.md:2: error: title: keep it to 120 characters/,
    ],
    [
      'a description too short',
      (p) => replace(p(newsEn), /^description: .*$/m, 'description: Short.'),
      /news\/en\/smart-gender-launch\.md:3: error: description: needs at least 20 characters/,
    ],
    [
      'a missing required field',
      (p) => replace(p(newsEn), /^title: .*\n/m, ''),
      /news\/en\/smart-gender-launch\.md: error: title: required: add this field/,
    ],
    [
      'a misspelt field name',
      (p) => replace(p(newsEn), /^title:/m, 'titel:'),
      /news\/en\/smart-gender-launch\.md:2: error: titel: unknown field: did you mean "title"\?/,
    ],
    [
      'a flag that is not true or false',
      (p) => replace(p(newsEn), /^venue:/m, 'draft: maybe\nvenue:'),
      /news\/en\/smart-gender-launch\.md:5: error: draft: must be true or false/,
    ],
    [
      'an entry without its twin',
      (p) => unlinkSync(p(relatedEn)),
      // The Thai half names the language in Thai, not by its code.
      /related\/th\/chiang-mai-ev-street-cleaner\.md: error: has no en twin: add content\/related\/en\/chiang-mai-ev-street-cleaner\.md, or set "awaitingTranslation: true" here \/ ยังไม่มีฉบับภาษาอังกฤษ: /,
    ],
    [
      'a related story that does not exist',
      (p) => replace(p(newsTh), '- chiang-mai-ev-street-cleaner', '- chiang-mai-ev'),
      /news\/th\/smart-gender-launch\.md:\d+: error: related: names "chiang-mai-ev", but there is no content\/related\/th\/chiang-mai-ev\.md/,
    ],
    [
      'a launch story that does not exist',
      (p) => replace(p('content/objectives/en/smart-gender.md'), /^launchStory: .*$/m, 'launchStory: launch'),
      /objectives\/en\/smart-gender\.md:\d+: error: launchStory: names "launch"/,
    ],
    [
      'an internal link that leads nowhere',
      (p) => replace(p(newsEn), 'On 23 February', 'See [the plan](/en/plan/). On 23 February'),
      /news\/en\/smart-gender-launch\.md:14: error: link \/en\/plan\/ leads nowhere/,
    ],
    [
      'an internal link to the other language',
      (p) => replace(p(newsEn), 'On 23 February', 'See [the programme](/programme/). On 23 February'),
      /news\/en\/smart-gender-launch\.md:14: error: link \/programme\/ leads to the th site/,
    ],
    [
      'a missing body photo',
      (p) =>
        replace(
          p(newsEn),
          'On 23 February',
          '![The opening](../../media/launch/opening.jpg)\n\nOn 23 February',
        ),
      /news\/en\/smart-gender-launch\.md:14: error: image \.\.\/\.\.\/media\/launch\/opening\.jpg does not exist .*put the photo in content\/media\//,
    ],
    [
      'a body photo without alt text',
      (p) => {
        mkdirSync(p('content/media'));
        writeFileSync(p('content/media/a.png'), aPhoto);
        replace(p(newsEn), 'On 23 February', '![](../../media/a.png)\n\nOn 23 February');
      },
      /news\/en\/smart-gender-launch\.md:14: error: image \.\.\/\.\.\/media\/a\.png has no alt text/,
    ],
    [
      'a body photo from another site',
      (p) =>
        replace(p(newsEn), 'On 23 February', '![The hall](https://example.org/hall.jpg)\n\nOn 23 February'),
      /news\/en\/smart-gender-launch\.md:14: error: image https:\/\/example\.org\/hall\.jpg is on another site.*content\/media\//,
    ],
    [
      'a body photo named from the root, outside the image pipeline',
      (p) => replace(p(newsEn), 'On 23 February', '![The hall](/images/hall.jpg)\n\nOn 23 February'),
      /news\/en\/smart-gender-launch\.md:14: error: image \/images\/hall\.jpg is named from the site's root: put the photo in content\/media\//,
    ],
    [
      'a body photo inside a sentence',
      (p) => {
        mkdirSync(p('content/media'));
        writeFileSync(p('content/media/a.jpg'), aPhoto);
        replace(p(newsEn), 'On 23 February', 'Look ![The hall](../../media/a.jpg) here.\n\nOn 23 February');
      },
      /news\/en\/smart-gender-launch\.md:14: error: image \.\.\/\.\.\/media\/a\.jpg sits inside a paragraph or list: put it on a line of its own/,
    ],
    [
      'a body image that is not a photo',
      (p) => {
        mkdirSync(p('content/media'));
        writeFileSync(p('content/media/plan.pdf'), 'a document');
        replace(p(newsEn), 'On 23 February', '![The plan](../../media/plan.pdf)\n\nOn 23 February');
      },
      /news\/en\/smart-gender-launch\.md:14: error: image \.\.\/\.\.\/media\/plan\.pdf must be a JPEG, PNG, WebP, AVIF or TIFF file/,
    ],
    [
      "a published story still holding the template's words",
      (p) => replace(p(newsEn), /^title: .*$/m, 'title: Headline'),
      /news\/en\/smart-gender-launch\.md:\d+: error: title: still says "Headline", the template's words/,
    ],
    [
      'an empty body',
      (p) => writeFileSync(p(newsEn), readFileSync(p(newsEn), 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\n')),
      /news\/en\/smart-gender-launch\.md:\d+: error: has no text below the front matter/,
    ],
    [
      'no front matter',
      (p) => writeFileSync(p(newsEn), 'Just text.\n'),
      /news\/en\/smart-gender-launch\.md:1: error: has no front matter/,
    ],
    [
      'two files whose names differ only in capitals',
      (p) =>
        writeFileSync(p('content/related/en/Chiang-Mai-EV-Street-Cleaner.md'), readFileSync(p(relatedEn))),
      /related\/en\/chiang-mai-ev-street-cleaner\.md: error: has the same name as content\/related\/en\/Chiang-Mai-EV-Street-Cleaner\.md/,
    ],
    [
      'a file outside a language folder',
      (p) => renameSync(p(newsEn), p('content/news/launch.md')),
      /^content\/news\/launch\.md: error: belongs in a language folder/,
    ],
  ];

  for (const [name, change, expected] of cases) {
    it(`reports ${name}`, () => {
      const report = check(change);
      expect(
        errors(report).some((l) => expected.test(l)),
        `expected ${String(expected)} in:\n${report.join('\n')}`,
      ).toBe(true);
      // Every message says what to do in English and in Thai.
      for (const line of errors(report)) expect(line).toMatch(/ \/ .*[\u0E00-\u0E7F]/);
    });
  }

  it("passes over the files an editor's system leaves in the folders, which are not content", () => {
    const report = check((p) => {
      writeFileSync(p('content/news/.DS_Store'), 'Finder');
      writeFileSync(p('content/news/th/.DS_Store'), 'Finder');
      writeFileSync(p('content/news/th/._smart-gender-launch.md'), 'AppleDouble');
      writeFileSync(p('content/related/en/Thumbs.db'), 'Explorer');
      writeFileSync(p('content/related/en/desktop.ini'), '[.ShellClassInfo]');
    });
    expect(errors(report)).toEqual([]);
    // A file of the editor's own, named wrongly, is still reported.
    const named = check((p) => writeFileSync(p('content/news/th/walk.txt'), 'text'));
    expect(errors(named)).toEqual([
      expect.stringMatching(/^content\/news\/th\/walk\.txt: error: is not a Markdown file/),
    ]);
  });

  it("warns, once per file, of a draft still holding the template's words, which published would be errors", () => {
    const report = check((p) => {
      const story = (title: string) =>
        `---\ntitle: ${title}\ndescription: A walk through the city for equality of every gender.\ndate: "2024-03-02T09:00:00+07:00"\ndraft: true\n---\n\nText.\n`;
      writeFileSync(p('content/news/th/city-walk.md'), story('เดินรณรงค์ความเท่าเทียมทางเพศ'));
      writeFileSync(p('content/news/en/city-walk.md'), story('Headline'));
    });
    expect(errors(report)).toEqual([]);
    expect(report.filter((l) => l.includes('template'))).toEqual([
      expect.stringMatching(
        /^content\/news\/en\/city-walk\.md: warning: is a draft still holding the template's words \(title\): write the story's own before removing "draft: true"/,
      ),
    ]);
  });

  it('blames a file it cannot read on itself only, not on its twin or the entries naming it', () => {
    const related = 'content/related/th/chiang-mai-ev-street-cleaner.md';
    const report = check((p) => replace(p(related), /^title: (.*)$/m, 'title: "$1'));
    expect(errors(report)).toEqual([
      expect.stringMatching(
        /^content\/related\/th\/chiang-mai-ev-street-cleaner\.md:\d+: error: .*YAML syntax error/,
      ),
    ]);
  });

  it('blames a wrong date on its own file only, not on its twin or the entries naming it', () => {
    // A Buddhist Era year reads as a date five centuries on: the story is invalid, not scheduled.
    const report = check((p) => replace(p(newsTh), /^date: .*$/m, 'date: "2567-02-23T09:00:00+07:00"'));
    expect(errors(report)).toEqual([
      expect.stringMatching(
        /^content\/news\/th\/smart-gender-launch\.md:4: error: date: 2567 is a Buddhist Era year/,
      ),
    ]);
    // A draft flag that is not true or false is the file's own error too, not a draft.
    const flag = check((p) => replace(p(newsEn), /^venue:/m, 'draft: no\nvenue:'));
    expect(errors(flag)).toEqual([
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md:\d+: error: draft: must be true or false/,
      ),
    ]);
  });

  it('checks a body whose front matter has an error too, so one run lists both', () => {
    const report = check((p) => {
      replace(p(newsEn), /^title:/m, 'titel:');
      replace(
        p(newsEn),
        'On 23 February',
        '![](../../media/launch/hall.jpg)\n\nSee [the plan](/en/no-such-page/). On 23 February',
      );
    });
    const en = errors(report).filter((l) => l.startsWith('content/news/en/smart-gender-launch.md'));
    expect(en).toContainEqual(expect.stringMatching(/error: titel: unknown field/));
    expect(en).toContainEqual(
      expect.stringMatching(/error: image \.\.\/\.\.\/media\/launch\/hall\.jpg has no alt text/),
    );
    expect(en).toContainEqual(
      expect.stringMatching(/error: link \/en\/no-such-page\/ leads nowhere on this site/),
    );
  });

  it('reports every problem in one run, not just the first', () => {
    const report = check((p) => {
      replace(p(newsEn), /^title:/m, 'titel:');
      replace(p(newsTh), /^date: .*$/m, 'date: "23/02/2567"');
      unlinkSync(p(relatedEn));
    });
    expect(errors(report).length).toBeGreaterThanOrEqual(3);
  });

  it('reports a future-dated story as scheduled, not as an error', () => {
    const report = check((p) => {
      for (const lang of ['th', 'en']) {
        writeFileSync(
          p(`content/news/${lang}/city-pride-walk.md`),
          '---\ntitle: City pride walk\ndescription: A walk through the city for equality of every gender.\ndate: "2099-02-23T09:00:00+07:00"\n---\n\nText.\n',
        );
      }
    });
    expect(report).toContainEqual(
      expect.stringMatching(
        /news\/th\/city-pride-walk\.md:4: scheduled: date: is dated 2099-02-23 09:00 \(Thailand time\): .* \/ ลงวันที่ 2099-02-23 09:00 \(เวลาประเทศไทย\)/,
      ),
    );
    expect(errors(report)).toEqual([]);
  });

  it('refuses a published entry that names one not published yet, as the build would stop there', () => {
    // Before the launch story's date, the programme (published) names a scheduled story.
    const report = check(unchanged, new Date('2024-01-01T00:00:00Z'));
    expect(report).toContainEqual(
      expect.stringMatching(/news\/th\/smart-gender-launch\.md:4: scheduled: date:/),
    );
    expect(errors(report)).toContainEqual(
      expect.stringMatching(
        /^content\/objectives\/th\/smart-gender\.md:\d+: error: launchStory: names "smart-gender-launch", which is a draft or dated later, so the build would stop: publish content\/news\/th\/smart-gender-launch\.md first/,
      ),
    );
  });

  /** The launch story's files dated on disk: the English one on 1 March 2024, the Thai on the 5th. */
  const thaiChangedLater = (p: (file: string) => string) => {
    utimesSync(p(newsEn), new Date('2024-03-01T00:00:00Z'), new Date('2024-03-01T00:00:00Z'));
    utimesSync(p(newsTh), new Date('2024-03-05T00:00:00Z'), new Date('2024-03-05T00:00:00Z'));
  };
  /** Writes `translationChecked` into a file, saved then, as a translator does. */
  const markChecked = (file: string, at: string) => {
    replace(file, /^---\n/, `---\ntranslationChecked: "${at}"\n`);
    utimesSync(file, new Date(at), new Date(at));
  };
  const outdated = (lines: string[]) => lines.filter((l) => l.includes('may be outdated'));

  it('warns that a translation may be outdated when its source changed after it, with both dates and how to say it still matches', () => {
    const report = check(thaiChangedLater, new Date('2027-01-10T03:00:00Z'));
    expect(report).toContainEqual(
      'content/news/en/smart-gender-launch.md: warning: may be outdated: content/news/th/smart-gender-launch.md changed on 2024-03-05 07:00, this translation on 2024-03-01 07:00 (Thailand time); update it to match, or, if it still matches, add translationChecked: "2027-01-10T10:00:00+07:00" to its front matter / คำแปลอาจไม่เป็นปัจจุบัน: content/news/th/smart-gender-launch.md แก้ไขเมื่อ 2024-03-05 07:00 แต่ไฟล์นี้แก้ไขเมื่อ 2024-03-01 07:00 (เวลาประเทศไทย) แก้คำแปลให้ตรงกัน หรือหากยังตรงกันอยู่ ให้เพิ่ม translationChecked: "2027-01-10T10:00:00+07:00" ในส่วนหัวของไฟล์นี้',
    );
    expect(errors(report)).toEqual([]);
  });

  it('takes a translation marked as checked after its source changed as current, until the source changes again', () => {
    const now = new Date('2027-01-10T00:00:00Z');
    // Checked after the Thai changed: nothing to report.
    const checked = check((p) => {
      thaiChangedLater(p);
      markChecked(p(newsEn), '2024-03-06T10:00:00+07:00');
    }, now);
    expect(outdated(checked)).toEqual([]);
    expect(errors(checked)).toEqual([]);
    // Checked before the Thai changed again: the warning is back, dated by the check.
    const stale = check((p) => {
      thaiChangedLater(p);
      markChecked(p(newsEn), '2024-03-03T07:00:00+07:00');
    }, now);
    expect(outdated(stale)).toEqual([
      expect.stringContaining(
        'content/news/th/smart-gender-launch.md changed on 2024-03-05 07:00, this translation on 2024-03-03 07:00',
      ),
    ]);
  });

  it('warns of a translation checked later than now, and of the mark on the source', () => {
    const report = check((p) => {
      markChecked(p(newsEn), '2028-03-06T10:00:00+07:00');
      markChecked(p(newsTh), '2024-03-06T10:00:00+07:00');
    }, new Date('2027-01-10T00:00:00Z'));
    expect(errors(report)).toEqual([]);
    expect(report).toContainEqual(
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md:2: warning: translationChecked: is later than now \(2027-01-10T07:00:00\+07:00\)/,
      ),
    );
    expect(report).toContainEqual(
      expect.stringMatching(
        /^content\/news\/th\/smart-gender-launch\.md:2: warning: translationChecked: is the source, which its translations are checked against/,
      ),
    );
  });

  it('reads front matter as the build does: "draft: yes" is text, not true', () => {
    const report = check((p) => replace(p(newsEn), /^venue:/m, 'draft: yes\nvenue:'));
    expect(errors(report)).toContainEqual(
      expect.stringMatching(/news\/en\/smart-gender-launch\.md:5: error: draft: must be true or false/),
    );
  });

  it('lets links and references reach the fallback page of an entry awaiting translation', () => {
    const report = check((p) => {
      unlinkSync(p(relatedEn));
      replace(
        p('content/related/th/chiang-mai-ev-street-cleaner.md'),
        /^---\n/,
        '---\nawaitingTranslation: true\n',
      );
      replace(
        p(newsEn),
        'On 23 February',
        'See [the story](/en/related/chiang-mai-ev-street-cleaner/). On 23 February',
      );
    });
    expect(errors(report)).toEqual([]);
  });

  it('dates a committed file by its commit, in a content folder inside a git repository', () => {
    const git = (root: string, args: string[], date: string) =>
      execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], {
        cwd: root,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
        stdio: 'ignore',
      });
    const report = check((p) => {
      const root = p('.');
      git(root, ['init', '-q'], '2024-03-01T00:00:00Z');
      git(root, ['add', '-A'], '2024-03-01T00:00:00Z');
      git(root, ['commit', '-qm', 'content'], '2024-03-01T00:00:00Z');
      replace(p(newsTh), /^venue: .*$/m, 'venue: พิพิธภัณฑ์ธนารักษ์ขอนแก่น');
      git(root, ['commit', '-qam', 'source changed'], '2024-03-05T00:00:00Z');
      // Touched after its commit but unchanged: git's date counts, not the disk's.
      utimesSync(p(newsEn), new Date('2024-04-01T00:00:00Z'), new Date('2024-04-01T00:00:00Z'));
    });
    expect(report).toContainEqual(
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md: warning: may be outdated: content\/news\/th\/smart-gender-launch\.md changed on 2024-03-05 07:00, this translation on 2024-03-01 07:00/,
      ),
    );
    expect(report.filter((l) => l.includes('may be outdated'))).toHaveLength(1);
  });

  it('reports a twin that is a draft or dated later, which a production build leaves out, naming both files', () => {
    const report = check((p) => replace(p(newsTh), /^venue:/m, 'draft: true\nvenue:'));
    expect(errors(report)).toContainEqual(
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md: error: has no published th twin: content\/news\/th\/smart-gender-launch\.md is a draft or dated later/,
      ),
    );
    const later = check(
      (p) => replace(p(newsEn), /^date: .*$/m, 'date: "2024-01-01T09:00:00+07:00"'),
      new Date('2024-02-01T00:00:00Z'),
    );
    expect(errors(later)).toContainEqual(
      expect.stringMatching(/news\/en\/smart-gender-launch\.md: error: has no published th twin/),
    );
  });

  it('takes a cover photo from content/media/ with its alt text, and names the field when either is missing', () => {
    const withCover = (cover: string) => (p: (f: string) => string) => {
      mkdirSync(p('content/media/launch'), { recursive: true });
      writeFileSync(p('content/media/launch/cover.jpg'), aPhoto);
      replace(p(newsEn), /^venue:/m, `${cover}\nvenue:`);
    };
    const good = check(
      withCover('cover:\n  src: ../../media/launch/cover.jpg\n  alt: Young people at the launch'),
    );
    expect(errors(good)).toEqual([]);

    const noAlt = check(withCover('cover:\n  src: ../../media/launch/cover.jpg'));
    expect(errors(noAlt)).toEqual([
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md:\d+: error: cover\.alt: required: add this field/,
      ),
    ]);

    const noFile = check(
      withCover('cover:\n  src: ../../media/launch/missing.jpg\n  alt: Young people at the launch'),
    );
    expect(errors(noFile)).toEqual([
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md:\d+: error: cover\.src: image \.\.\/\.\.\/media\/launch\/missing\.jpg does not exist .*put the photo in content\/media\//,
      ),
    ]);

    const notImage = check(
      withCover('cover:\n  src: ../../media/launch/cover.pdf\n  alt: Young people at the launch'),
    );
    expect(errors(notImage)).toEqual([
      expect.stringMatching(/error: cover\.src: must be a JPEG, PNG, WebP, AVIF or TIFF file/),
    ]);

    // Named .jpg, but not a photo inside (a phone's HEIC file renamed, a copy cut short): the
    // build could not make its sizes, and would stop.
    const notPhoto = check((p) => {
      withCover('cover:\n  src: ../../media/launch/cover.jpg\n  alt: Young people at the launch')(p);
      writeFileSync(p('content/media/launch/cover.jpg'), aPhoto.subarray(0, 2));
    });
    // A folder named like one is none either, and stops nothing but itself.
    const folder = check((p) => {
      withCover('cover:\n  src: ../../media/launch/cover.jpg\n  alt: Young people at the launch')(p);
      rmSync(p('content/media/launch/cover.jpg'));
      mkdirSync(p('content/media/launch/cover.jpg'));
    });
    expect(errors(folder)).toEqual([
      expect.stringMatching(/cover\.src: image .* is not a JPEG, PNG, WebP, AVIF or TIFF photo inside/),
    ]);
    expect(errors(notPhoto)).toEqual([
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md:\d+: error: cover\.src: image \.\.\/\.\.\/media\/launch\/cover\.jpg is not a JPEG, PNG, WebP, AVIF or TIFF photo inside/,
      ),
    ]);
  });

  it('refuses a body photo that Markdown would show as text, with a space in its path', () => {
    const report = check((p) => {
      mkdirSync(p('content/media/walk'), { recursive: true });
      writeFileSync(p('content/media/walk/รูป งาน.jpg'), aPhoto);
      replace(p(newsTh), /\n---\n\n/, '\n---\n\n![ผู้เข้าร่วมเดินรณรงค์](../../media/walk/รูป งาน.jpg)\n\n');
    });
    expect(errors(report)).toEqual([
      expect.stringMatching(
        /^content\/news\/th\/smart-gender-launch\.md:\d+: error: image \.\.\/\.\.\/media\/walk\/รูป งาน\.jpg would be shown as text, not as a photo: .*rename the file without spaces/,
      ),
    ]);
    // Named in Thai without a space, it is found and passes.
    const thai = check((p) => {
      mkdirSync(p('content/media/walk'), { recursive: true });
      writeFileSync(p('content/media/walk/รูปงาน.jpg'), aPhoto);
      replace(p(newsTh), /\n---\n\n/, '\n---\n\n![ผู้เข้าร่วมเดินรณรงค์](../../media/walk/รูปงาน.jpg)\n\n');
    });
    expect(errors(thai)).toEqual([]);
  });

  it('takes a photo on its own line of the body from content/media/, with alt text and a caption', () => {
    const lines = check((p) => {
      mkdirSync(p('content/media/launch'), { recursive: true });
      writeFileSync(p('content/media/launch/hall.jpg'), aPhoto);
      replace(
        p(newsTh),
        /\n---\n\n/,
        '\n---\n\n![ผู้เข้าร่วมในห้องประชุม](../../media/launch/hall.jpg "บรรยากาศในงาน")\n\n',
      );
    });
    expect(errors(lines)).toEqual([]);
  });

  it('warns of a cover narrower than 1200 px, which previews and search results show soft', async () => {
    const photo = (width: number) =>
      sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: '#6a1b9a' } })
        .jpeg()
        .toBuffer();
    const [narrow, wide] = await Promise.all([photo(800), photo(1600)]);
    const withCover = (bytes: Buffer) => (p: (f: string) => string) => {
      mkdirSync(p('content/media/launch'), { recursive: true });
      writeFileSync(p('content/media/launch/cover.jpg'), bytes);
      replace(
        p(newsTh),
        /^venue:/m,
        'cover:\n  src: ../../media/launch/cover.jpg\n  alt: เยาวชนในงานเปิดโครงการ\nvenue:',
      );
    };
    expect(check(withCover(narrow))).toContainEqual(
      expect.stringMatching(
        /^content\/news\/th\/smart-gender-launch\.md:\d+: warning: cover\.src: image \.\.\/\.\.\/media\/launch\/cover\.jpg is 800 px wide: .*at least 1200 px/,
      ),
    );
    expect(check(withCover(wide)).filter((l) => l.includes('px wide'))).toEqual([]);
  });

  it('names a gallery photo whose file is missing by its place in the list', () => {
    const report = check((p) => {
      mkdirSync(p('content/media/launch'), { recursive: true });
      writeFileSync(p('content/media/launch/one.jpg'), aPhoto);
      replace(
        p(newsEn),
        /^venue:/m,
        'gallery:\n  - src: ../../media/launch/one.jpg\n    alt: The opening\n  - src: ../../media/launch/two.jpg\n    alt: The audience\nvenue:',
      );
    });
    expect(errors(report)).toEqual([
      expect.stringMatching(
        /^content\/news\/en\/smart-gender-launch\.md:\d+: error: gallery\.1\.src: image \.\.\/\.\.\/media\/launch\/two\.jpg does not exist/,
      ),
    ]);
  });
});
