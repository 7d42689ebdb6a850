import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFiles, digestOf, photoDigest, stamp, typeCheckPlan } from './digest.ts';

/** Every file under `dir`, with `dir` in its path. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file));

const dir = mkdtempSync(join(tmpdir(), 'smart-gender-digest-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('digestOf', () => {
  it('stays the same for the same files and changes when one changes, is added or is renamed', () => {
    mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;');
    writeFileSync(join(dir, 'src', 'lib', 'b.ts'), 'export const b = 2;');
    const first = digestOf(filesUnder(join(dir, 'src')));
    expect(digestOf(filesUnder(join(dir, 'src')).reverse())).toBe(first);
    writeFileSync(join(dir, 'src', 'a.ts'), 'export const a: string = 1;');
    const edited = digestOf(filesUnder(join(dir, 'src')));
    expect(edited).not.toBe(first);
    writeFileSync(join(dir, 'src', 'c.ts'), '');
    expect(digestOf(filesUnder(join(dir, 'src')))).not.toBe(edited);
    rmSync(join(dir, 'src', 'c.ts'));
    writeFileSync(join(dir, 'src', 'lib', 'b2.ts'), 'export const b = 2;');
    rmSync(join(dir, 'src', 'lib', 'b.ts'));
    expect(digestOf(filesUnder(join(dir, 'src')))).not.toBe(edited);
  });

  it('leaves out files that do not exist and folders', () => {
    writeFileSync(join(dir, 'x.json'), '{}');
    expect(digestOf([join(dir, 'x.json'), join(dir, 'missing.json'), join(dir, 'src')])).toBe(
      digestOf([join(dir, 'x.json')]),
    );
  });

  it('changes with what else its result depends on', () => {
    writeFileSync(join(dir, 'y.json'), '{}');
    expect(digestOf([join(dir, 'y.json')], 'sharp 0.35.5')).toBe(
      digestOf([join(dir, 'y.json')], 'sharp 0.35.5'),
    );
    expect(digestOf([join(dir, 'y.json')], 'sharp 0.35.5')).not.toBe(
      digestOf([join(dir, 'y.json')], 'sharp 0.36.0'),
    );
    expect(digestOf([join(dir, 'y.json')], 'sharp 0.35.5')).not.toBe(digestOf([join(dir, 'y.json')]));
  });

  it("lists the project's files outside content/, untracked ones too, and nothing outside git", () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'content', 'news'), { recursive: true });
    mkdirSync(join(repo, 'src'), { recursive: true });
    writeFileSync(join(repo, '.gitignore'), 'dist/\n');
    writeFileSync(join(repo, 'src', 'page.ts'), '');
    writeFileSync(join(repo, 'content', 'news', 'story.md'), '');
    mkdirSync(join(repo, 'dist'));
    writeFileSync(join(repo, 'dist', 'index.html'), '');
    expect(codeFiles(repo)).toBeUndefined();
    execFileSync('git', ['init', '--quiet'], { cwd: repo });
    expect(codeFiles(repo)?.sort()).toEqual([join(repo, '.gitignore'), join(repo, 'src', 'page.ts')]);
  });
});

describe('photoDigest', () => {
  // Astro names a cached photo by its size and format only: a new encoder must make it anew.
  it('changes with the photo settings and with any encoder version', () => {
    const config = join(dir, 'astro.config.mjs');
    writeFileSync(config, "image: { service: sharpImageService({ avif: { chromaSubsampling: '4:2:0' } }) }");
    const versions = { sharp: '0.35.5', vips: '8.18.7', aom: '3.15.1', webp: '1.6.0', mozjpeg: '0826579' };
    const first = photoDigest(config, versions);
    expect(photoDigest(config, { ...versions })).toBe(first);
    expect(photoDigest(config, { ...versions, aom: '3.16.0' })).not.toBe(first);
    expect(photoDigest(config, { ...versions, sharp: '0.36.0' })).not.toBe(first);
    writeFileSync(config, "image: { service: sharpImageService({ avif: { chromaSubsampling: '4:4:4' } }) }");
    expect(photoDigest(config, versions)).not.toBe(first);
  });
});

describe('typeCheckPlan', () => {
  it('checks changed code and records it, skips code that passed before, and never records code it left unchecked', () => {
    expect(typeCheckPlan(false, false)).toEqual({ check: true, record: true });
    expect(typeCheckPlan(true, false)).toEqual({ check: false, record: true });
    expect(typeCheckPlan(true, true)).toEqual({ check: false, record: true });
    expect(typeCheckPlan(false, true)).toEqual({ check: false, record: false });
  });
});

describe('stamp', () => {
  it('is the same only when the digest saved at the last success is this one', () => {
    const path = join(dir, 'cache', 'images.sha256');
    expect(stamp(path, 'a').same).toBe(false);
    stamp(path, 'a').record();
    expect(stamp(path, 'a').same).toBe(true);
    // A change is seen until the build that follows it succeeds.
    expect(stamp(path, 'b').same).toBe(false);
    expect(stamp(path, 'a').same).toBe(true);
    stamp(path, 'b').record();
    expect(stamp(path, 'a').same).toBe(false);
  });

  it('is never the same without a digest (outside a git repository), and records nothing', () => {
    const path = join(dir, 'cache', 'types.sha256');
    stamp(path, undefined).record();
    expect(stamp(path, undefined).same).toBe(false);
    expect(stamp(path, 'a').same).toBe(false);
  });
});
