#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
lab_handout.py - write a lab's student tree: the reference kernel with
that lab's solution regions replaced by TODO stubs.

    scripts/lab_handout.py LAB OUT [--src DIR]

Solution regions.  In the kernel sources a lab's solution sits between
two marker lines, each a comment of its own:

	/* LAB(buddy) BEGIN merge: join the freed block with its free buddies */
	...the reference code...
	/* LAB(buddy) END merge */

"buddy" is the lab (a folder labs/buddy/), "merge" the region's name.
The stubs live beside the lab text, in labs/LAB/stubs, one per region:

	@@ merge
		/* TODO(buddy/merge): ... */

A line "@@ NAME" starts the stub of region NAME; the lines after it, up to
the next "@@" line, are copied verbatim (tabs included) in place of the
region's code.  Lines starting with "#" before the first "@@" are
comments.  A stub must compile and keep the kernel booting (return a safe
default, or do a simple but wrong job), so that the student's tree builds,
boots and is graded from the start.

The handout is every file of the source tree that git tracks or would
track (the working tree's version; with no git, every file but build/),
with (regions are looked for in .c, .h, .S, .asm and .ld files only):
  - LAB's regions replaced by their stubs; the BEGIN and END lines stay,
    so the student sees where the work goes; other labs' regions stay as
    they are (the reference), so only one lab's work is missing;
  - the lab's text copied to OUT/LAB.md (e.g. OUT/buddy.md);
  - a marker file OUT/.lab-handout naming the lab;
and OUT is made a git repository with one commit holding all of it, so
that the student's work is `git diff` against that commit (or a
`git format-patch` series on top of it): what an instructor grades with
`make grade SUBMISSION=` or `make grade-all` (scripts/grade.py).

It refuses a LAB with no folder, a region without a stub or a stub
without a region, and markers that do not pair up.  OUT must not exist,
be empty, or be an earlier handout (it is then replaced).

Exit status: 0 written, 1 error (the message says which file and line).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

MARKER_RE = re.compile(r'LAB\((?P<lab>[A-Za-z0-9_]+)\)\s+(?P<kind>BEGIN|END)'
                       r'\s+(?P<region>[A-Za-z0-9_]+)')
HANDOUT_MARK = '.lab-handout'
SKIP_DIRS = {'.git', 'build', '__pycache__', '.cache'}
# Only these files carry regions (a script or a text may quote a marker).
REGION_SUFFIXES = ('.c', '.h', '.S', '.asm', '.ld')


class HandoutError(Exception):
    pass


def lab_dir(src, lab):
    return os.path.join(src, 'labs', lab)


def list_labs(src):
    """The labs of a tree: folders of labs/ with a lab.conf."""
    root = os.path.join(src, 'labs')
    if not os.path.isdir(root):
        return []
    return sorted(d for d in os.listdir(root)
                  if os.path.isfile(os.path.join(root, d, 'lab.conf')))


def read_stubs(path):
    """labs/LAB/stubs -> {region: text}."""
    stubs = {}
    current = None
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if line.startswith('@@'):
                name = line[2:].strip()
                if not re.fullmatch(r'[A-Za-z0-9_]+', name):
                    raise HandoutError('%s:%d: bad stub name %r' %
                                       (path, number, name))
                if name in stubs:
                    raise HandoutError('%s:%d: stub %s given twice' %
                                       (path, number, name))
                stubs[name] = []
                current = name
            elif current is None:
                if line.strip() and not line.startswith('#'):
                    raise HandoutError('%s:%d: text before the first "@@ NAME"'
                                       % (path, number))
            else:
                stubs[current].append(line)
    out = {}
    for name, lines in stubs.items():
        while lines and not lines[-1].strip():
            lines.pop()         # blank lines between stubs are layout
        out[name] = ''.join(lines)
    return out


def source_files(src):
    """Relative paths of the tree's files (git's view when it has one)."""
    if os.path.isdir(os.path.join(src, '.git')) or \
            os.path.isfile(os.path.join(src, '.git')):
        r = subprocess.run(['git', '-C', src, 'ls-files', '-z', '--cached',
                            '--others', '--exclude-standard'],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode == 0:
            paths = [p for p in r.stdout.decode('utf-8', 'replace').split('\0')
                     if p]
            return sorted(p for p in paths
                          if os.path.isfile(os.path.join(src, p)) and
                          p.split('/', 1)[0] not in SKIP_DIRS)
    paths = []
    for root, dirs, files in os.walk(src):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), src)
            if name != HANDOUT_MARK or root != src:
                paths.append(rel)
    return sorted(paths)


def find_regions(path, lines):
    """Every marker pair of a file: [(lab, region, begin_idx, end_idx)]."""
    regions = []
    open_region = None
    for i, line in enumerate(lines):
        m = MARKER_RE.search(line)
        if not m:
            continue
        key = (m.group('lab'), m.group('region'))
        if m.group('kind') == 'BEGIN':
            if open_region:
                raise HandoutError('%s:%d: LAB(%s) BEGIN %s inside region '
                                   '%s/%s (opened at line %d)' %
                                   (path, i + 1, key[0], key[1],
                                    open_region[0][0], open_region[0][1],
                                    open_region[1] + 1))
            open_region = (key, i)
        else:
            if not open_region or open_region[0] != key:
                raise HandoutError('%s:%d: LAB(%s) END %s without its BEGIN' %
                                   (path, i + 1, key[0], key[1]))
            regions.append((key[0], key[1], open_region[1], i))
            open_region = None
    if open_region:
        raise HandoutError('%s:%d: LAB(%s) BEGIN %s has no END' %
                           (path, open_region[1] + 1, open_region[0][0],
                            open_region[0][1]))
    return regions


def lab_regions(path, text, lab):
    """@lab's regions of one file: [(region, begin_idx, end_idx)]."""
    lines = text.splitlines(keepends=True)
    return [(region, begin, end) for l, region, begin, end
            in find_regions(path, lines) if l == lab]


def region_bodies(path, text, lab):
    """{region: the lines between its BEGIN and END} for @lab's regions.

    A region named twice in the file is refused (HandoutError).
    """
    lines = text.splitlines(keepends=True)
    bodies = {}
    for region, begin, end in lab_regions(path, text, lab):
        if region in bodies:
            raise HandoutError('%s:%d: region %s of lab %s appears twice' %
                               (path, begin + 1, region, lab))
        bodies[region] = ''.join(lines[begin + 1:end])
    return bodies


def splice_regions(path, text, lab, bodies):
    """The file's text with each of @lab's regions holding bodies[region].

    The BEGIN and END lines stay; a region missing from @bodies is left
    as it is.  Returns (text, [regions replaced]).
    """
    lines = text.splitlines(keepends=True)
    out = []
    done = []
    pos = 0
    for region, begin, end in lab_regions(path, text, lab):
        if region not in bodies:
            continue
        out.extend(lines[pos:begin + 1])
        body = bodies[region]
        if body and not body.endswith('\n'):
            body += '\n'
        out.append(body)
        pos = end
        done.append(region)
    out.extend(lines[pos:])
    return ''.join(out), done


def apply_stubs(path, text, lab, stubs, used):
    """The file's text with @lab's regions replaced; records what it used."""
    for region, begin, _ in lab_regions(path, text, lab):
        if region not in stubs:
            raise HandoutError('%s:%d: region %s of lab %s has no stub in '
                               'labs/%s/stubs' % (path, begin + 1, region,
                                                  lab, lab))
        if region in used:
            raise HandoutError('%s:%d: region %s of lab %s appears twice '
                               '(also in %s)' % (path, begin + 1, region, lab,
                                                 used[region]))
        used[region] = path
    return splice_regions(path, text, lab, stubs)[0]


def prepare_out(out):
    if os.path.exists(out):
        if not os.path.isdir(out):
            raise HandoutError('%s exists and is not a folder' % out)
        if os.listdir(out):
            if not os.path.exists(os.path.join(out, HANDOUT_MARK)):
                raise HandoutError('%s is not empty and not an earlier '
                                   'handout: refusing to overwrite it' % out)
            shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)


def make_handout(src, lab, out):
    """Write the handout; returns (files written, regions replaced)."""
    ldir = lab_dir(src, lab)
    if not os.path.isfile(os.path.join(ldir, 'lab.conf')):
        labs = list_labs(src)
        raise HandoutError('no lab "%s" (labs/%s/lab.conf); labs: %s' %
                           (lab, lab, ', '.join(labs) or 'none'))
    stubs = read_stubs(os.path.join(ldir, 'stubs'))
    src_abs = os.path.abspath(src)
    out_abs = os.path.abspath(out)
    if out_abs == src_abs or out_abs.startswith(src_abs + os.sep) and \
            not out_abs.startswith(os.path.join(src_abs, 'build') + os.sep):
        raise HandoutError('OUT must be outside the source tree (or under '
                           'its build/ folder)')
    files = source_files(src)
    prepare_out(out)
    try:
        used = copy_tree(src, out, files, lab, stubs)
        git_init(out, lab)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)     # no half-made handout
        raise
    return len(files), sorted(used.items())


def copy_tree(src, out, files, lab, stubs):
    """Copy @files to @out, @lab's regions replaced; returns the regions."""
    used = {}
    with open(os.path.join(out, HANDOUT_MARK), 'w') as f:
        f.write('lab %s\n' % lab)
    for rel in files:
        sp = os.path.join(src, rel)
        dp = os.path.join(out, rel)
        os.makedirs(os.path.dirname(dp) or '.', exist_ok=True)
        if not rel.endswith(REGION_SUFFIXES):
            shutil.copy2(sp, dp)
            continue
        with open(sp, encoding='utf-8') as f:
            text = f.read()
        new = apply_stubs(rel, text, lab, stubs, used)
        with open(dp, 'w', encoding='utf-8') as f:
            f.write(new)
        shutil.copymode(sp, dp)
    unused = sorted(set(stubs) - set(used))
    if unused:
        raise HandoutError('labs/%s/stubs: no region for stub(s) %s' %
                           (lab, ', '.join(unused)))
    readme = os.path.join(src, 'labs', lab, 'README.md')
    if os.path.isfile(readme):
        shutil.copyfile(readme, os.path.join(out, lab + '.md'))
    return used


def git(args, cwd, **kw):
    """Run git with a fixed identity and none of the user's hooks/signing."""
    cmd = ['git', '-c', 'user.name=lab-handout',
           '-c', 'user.email=lab-handout@localhost',
           '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null',
           '-c', 'init.defaultBranch=main'] + args
    return subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **kw)


def git_init(out, lab):
    """Make the handout a git repository with one commit.

    A student's work is then `git diff` (or `git format-patch`) against
    that commit: what `make grade SUBMISSION=` and `make grade-all` take.
    """
    for args in (['init', '-q'], ['add', '-A'],
                 ['commit', '-q', '-m', 'Lab %s: handout' % lab]):
        try:
            r = git(args, out, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise HandoutError('git %s: %s (git is needed to write a '
                               'handout)' % (args[0], e))
        if r.returncode != 0:
            raise HandoutError('git %s in %s failed: %s' %
                               (args[0], out, r.stderr.strip()))


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write a lab's student tree (solution regions -> stubs).")
    ap.add_argument('lab', nargs='?', default='')
    ap.add_argument('out', nargs='?', default='')
    ap.add_argument('--src', default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..'),
        help='the reference tree (default: this script\'s tree)')
    args = ap.parse_args(argv)
    if not args.lab or not args.out:
        labs = list_labs(args.src)
        print('usage: make lab-handout LAB=name OUT=dir  (labs: %s)' %
              ', '.join(labs), file=sys.stderr)
        return 1
    try:
        nfiles, regions = make_handout(args.src, args.lab, args.out)
    except (HandoutError, OSError) as e:
        print('lab-handout: error: %s' % e, file=sys.stderr)
        return 1
    print('lab-handout: %s -> %s: %d files, %d region(s) replaced by stubs:'
          % (args.lab, args.out, nfiles, len(regions)))
    for region, path in regions:
        print('  %-16s %s' % (region, path))
    print('  lab text: %s' % os.path.join(args.out, args.lab + '.md'))
    print('  a git repository with one commit: hand in `git diff` (or '
          '`git format-patch`) against it')
    return 0


if __name__ == '__main__':
    sys.exit(main())
