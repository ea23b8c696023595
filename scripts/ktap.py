# SPDX-License-Identifier: GPL-2.0
"""
KTAP parser for the in-kernel test runner's serial output.

The kernel's test runner (kernel/kunit) prints its results on COM1 in
KTAP version 1, the format of current Linux KUnit:

    KTAP version 1
    1..2                                    <- plan: two suites
        KTAP version 1
        # Subtest: slab                     <- suite header, one level in
        1..2                                <- plan: two cases
        # RUN slab.alloc_free               <- printed before each case
        ok 1 alloc_free
        # RUN slab.poison
        # poison: EXPECTATION FAILED at tests/kernel/mm/slab.c:40
        not ok 2 poison
    not ok 1 slab                           <- suite result, back out a level
        KTAP version 1
        # Subtest: buddy
        ...

Nesting is shown by indentation only (four spaces a level), so the parser
keeps a stack of open tests: a header ("KTAP version", "# Subtest:") one
level deeper than the top of the stack opens a child, a result line at a
level closes the child one level deeper (if one is open) or records a leaf
case.  Parameterised cases nest one level further in the same way; any
depth works.

Everything else on the console is "log": printk noise from other contexts,
oops reports printed by a deliberately crashing case, the continuation
lines of a failed expectation.  Log lines are never errors by themselves;
they are remembered beside the case that was running, so a failure report
can show them.  Console lines may carry a printk timestamp
("[    1.234567] ") and a trailing carriage return; both are stripped.

The parser is fed one line at a time (KtapParser.feed_line), so the QEMU
driver (scripts/ktest.py) can report progress and, if the kernel dies, say
which test was running.  KtapParser.finish() then checks the plans and
returns a Summary.  The module uses only the Python standard library and
knows nothing about QEMU, so tests/host/test_ktap.py runs it on canned logs.
"""

import re

INDENT_WIDTH = 4

_TIMESTAMP_RE = re.compile(r'^\[\s*\d+\.\d+\] ?')
_VERSION_RE = re.compile(r'^K?TAP version (\d+)\s*$')
_PLAN_RE = re.compile(r'^(\d+)\.\.(\d+)\s*(?:#.*)?$')
_RESULT_RE = re.compile(r'^(ok|not ok) (\d+)(?: -)?(?: (.*))?$')
_SUBTEST_RE = re.compile(r'^# Subtest: (.*?)\s*$')
_RUN_RE = re.compile(r'^# RUN (\S+)\s*$')
_DIAG_RE = re.compile(r'^#(?: (.*))?$')
_PANIC_RE = re.compile(r'Kernel panic - not syncing')
_OOPS_RE = re.compile(r'BUG: |Oops|invalid opcode|general protection fault|'
                      r'double fault|Kernel panic - not syncing|'
                      r'stack segment|divide error')


def strip_console_prefix(line):
    """Remove the line ending, carriage returns and a printk timestamp."""
    line = line.rstrip('\n').replace('\r', '')
    return _TIMESTAMP_RE.sub('', line, count=1)


class Test:
    """One node of the KTAP tree: the whole run, a suite, a case, a param.

    A node opened by a header has children; a node made from a lone result
    line is a leaf (a test case).  ``ok`` stays None until the node's own
    result line is seen: a run that dies leaves such nodes behind.
    """

    def __init__(self, name=None, indent=0, parent=None):
        self.name = name
        self.indent = indent
        self.parent = parent
        self.version = None
        self.plan = None
        self.number = None
        self.ok = None
        self.directive = None
        self.children = []
        self.log = []

    @property
    def finished(self):
        return self.ok is not None

    @property
    def skipped(self):
        return self.directive is not None and \
            self.directive.upper().startswith(('SKIP', 'TODO'))

    @property
    def skip_reason(self):
        if not self.skipped:
            return ''
        return self.directive[4:].strip()

    def path(self):
        """Dotted name from the suite down, e.g. "slab.poison"."""
        names = []
        node = self
        while node is not None and node.parent is not None:
            names.append(node.name or '?')
            node = node.parent
        return '.'.join(reversed(names))

    def leaves(self):
        """All leaf cases under this node, in order."""
        if not self.children:
            return [self]
        out = []
        for child in self.children:
            out.extend(child.leaves())
        return out

    def diagnostics(self):
        """This node's log lines, without the indentation."""
        return [l.strip() for l in self.log if l.strip()]


class Summary:
    """The outcome of a parsed run: counts, failures and plan problems."""

    def __init__(self, root):
        self.root = root
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []        # leaf or suite Test objects that failed
        self.problems = []        # plan mismatches, unfinished tests

    @property
    def has_ktap(self):
        return self.root is not None

    @property
    def suites(self):
        return self.root.children if self.root else []

    @property
    def ok(self):
        return self.has_ktap and self.failed == 0 and not self.problems


class KtapParser:
    """Incremental KTAP parser; see the comment at the top of the file."""

    def __init__(self):
        self.root = None
        self.stack = []
        self.pending = []         # log lines not yet given to a test
        self.run_name = None      # last "# RUN suite.case" still running
        self.run_indent = None
        self.last_panic = None    # (line, running test) of the last panic
        self.last_oops = None
        self.restarts = 0
        self.lines = 0
        self.on_suite_done = None  # callback(Test) when a suite's result arrives

    # ---- feeding ----------------------------------------------------

    def feed(self, text):
        """Feed several lines at once (used by the tests)."""
        for line in text.splitlines():
            self.feed_line(line)

    def feed_line(self, raw):
        """Parse one console line (timestamp and \\r still on it)."""
        self.lines += 1
        line = strip_console_prefix(raw)
        body = line.lstrip(' ')
        indent = len(line) - len(body)
        body = body.rstrip()

        if _OOPS_RE.search(body):
            self.last_oops = (body, self.running_test())
            if _PANIC_RE.search(body):
                self.last_panic = (body, self.running_test())

        if self.root is None:
            if _VERSION_RE.match(body):
                self.root = Test(indent=indent)
                self.root.version = int(_VERSION_RE.match(body).group(1))
                self.root.log = self.pending
                self.pending = []
                self.stack = [self.root]
            else:
                self.pending.append(line)
            return

        m = _VERSION_RE.match(body)
        if m:
            self._header(indent, version=int(m.group(1)), line=line)
            return
        m = _SUBTEST_RE.match(body)
        if m:
            self._header(indent, name=m.group(1), line=line)
            return
        m = _RESULT_RE.match(body)
        if m:
            self._result(indent, m.group(1) == 'ok', int(m.group(2)),
                         m.group(3) or '')
            return
        m = _PLAN_RE.match(body)
        if m:
            self._plan(indent, int(m.group(2)), line)
            return
        m = _RUN_RE.match(body)
        if m:
            # Lines before the case started belong to its suite.
            self._node_at(indent).log.extend(self.pending)
            self.pending = []
            self.run_name = m.group(1)
            self.run_indent = indent
            return
        self.pending.append(line)

    def _node_at(self, indent):
        """Deepest open node whose own lines sit at or left of indent."""
        for node in reversed(self.stack):
            if node.indent <= indent:
                return node
        return self.stack[0]

    def _open_child(self, indent):
        parent = self.stack[-1]
        parent.log.extend(self.pending)
        self.pending = []
        child = Test(indent=indent, parent=parent)
        self.stack.append(child)
        return child

    def _pop_unfinished(self):
        """Close the top node without a result line (the kernel died or
        skipped it).  It stays in the tree, so finish() reports it."""
        node = self.stack.pop()
        node.log.extend(self.pending)
        self.pending = []
        node.parent.children.append(node)

    def _close_deeper(self, indent):
        """Close every open node more than one level right of indent.

        A result line at indent closes the node one level in (its own
        subject); anything open further in never got its result.
        """
        while len(self.stack) > 2 and self.stack[-2].indent > indent:
            self._pop_unfinished()

    def _header(self, indent, version=None, name=None, line=''):
        # A header left of the top: everything at or right of it is over.
        while len(self.stack) > 1 and self.stack[-1].indent > indent:
            self._pop_unfinished()
        top = self.stack[-1]
        if top is self.root and indent <= top.indent:
            if version is not None and (top.plan is not None or
                                        top.children):
                # A second top-level header: the kernel started over.
                self.restarts += 1
            elif version is not None:
                top.version = version
            self.pending.append(line)
            return
        if indent == top.indent:
            # "KTAP version" and "# Subtest:" come in either order and
            # name one node; a header that cannot belong to the top node
            # starts a sibling, and the top never got its result.
            fresh = top.plan is None and not top.children
            if fresh and ((version is not None and top.version is None) or
                          (name is not None and top.name is None)):
                if version is not None:
                    top.version = version
                else:
                    top.name = name
                return
            self._pop_unfinished()
        top = self._open_child(indent)
        top.version = version
        top.name = name

    def _plan(self, indent, count, line):
        top = self.stack[-1]
        if indent > top.indent:
            top = self._open_child(indent)
        elif indent < top.indent:
            self.pending.append(line)
            return
        top.plan = count

    def _result(self, indent, ok, number, rest):
        name, directive = rest, None
        if ' # ' in rest or rest.startswith('# '):
            name, _, directive = (' ' + rest).partition(' # ')
            name = name.strip()
            directive = directive.strip()
        elif rest.endswith(' #'):
            name = rest[:-2]

        top = self.stack[-1]
        if indent > top.indent:
            # Results without a header at a deeper level: an implicit
            # subtest (KTAP allows it), opened here.
            self._open_child(indent)
        self._close_deeper(indent)
        top = self.stack[-1]

        if top.indent > indent and len(self.stack) > 1:
            # This line is the result of the open child.
            node = self.stack.pop()
            node.parent.children.append(node)
            if node.name is None:
                node.name = name
        else:
            node = Test(name=name, indent=indent + INDENT_WIDTH, parent=top)
            top.children.append(node)
        node.log.extend(self.pending)
        self.pending = []
        node.ok = ok
        node.number = number
        node.directive = directive

        if self.run_indent is not None and indent <= self.run_indent:
            self.run_name = None
            self.run_indent = None
        if node.parent is self.root and self.on_suite_done:
            self.on_suite_done(node)

    # ---- queries ----------------------------------------------------

    def running_test(self):
        """Name the test in progress, for crash and timeout messages."""
        if self.run_name:
            return self.run_name
        if self.root is None:
            return 'boot (before any KTAP output)'
        if len(self.stack) > 1:
            suite = self.stack[1]
            return 'suite %s (between cases)' % (suite.name or '?')
        if self.root.children:
            return 'end of run (after suite %s)' % \
                (self.root.children[-1].name or '?')
        return 'start of run (before the first suite)'

    def finish(self):
        """End of input: close what is open, count and check the plans."""
        if self.root is None:
            return Summary(None)
        parent = self._node_at(self.run_indent or 0)
        if self.run_name and self.stack[-1] is parent:
            # The case that was running never printed its result: record
            # it, with the lines it printed, as an unfinished leaf.  (A
            # parameterised case that died is already an open node.)
            case = Test(name=self.run_name.rsplit('.', 1)[-1],
                        indent=self.run_indent + INDENT_WIDTH, parent=parent)
            case.log = self.pending
            self.pending = []
            parent.children.append(case)
        leftover = self.pending
        self.pending = []
        while len(self.stack) > 1:
            node = self.stack.pop()
            node.log.extend(leftover)
            leftover = []
            node.parent.children.append(node)
        self.root.log.extend(leftover)

        s = Summary(self.root)
        self._count(self.root, s)
        self._check(self.root, s)
        return s

    def _count(self, node, s):
        for child in node.children:
            if child.children:
                before = s.failed
                self._count(child, s)
                # A suite can fail on its own (init, leak check) even
                # when every case passed: count it once.
                if child.ok is not True and not child.skipped and \
                        s.failed == before:
                    s.failed += 1
                    s.failures.append(child)
            elif not child.finished:
                s.failed += 1
                s.failures.append(child)
            elif child.skipped:
                s.skipped += 1
            elif child.ok:
                s.passed += 1
            else:
                s.failed += 1
                s.failures.append(child)

    def _check(self, node, s):
        if node is self.root:
            if node.plan is None:
                s.problems.append('no test plan ("1..N") in KTAP output')
            elif node.plan == 0 and not node.children:
                # A run of nothing is a typo in the glob, not a pass.
                said = [d.lstrip('# ') for d in node.diagnostics()
                        if d.startswith('# no test suite matches')]
                s.problems.append('no test suite matched' +
                                  (' (the kernel says: %s)' % said[0]
                                   if said else ' (plan "1..0")'))
            elif len(node.children) != node.plan:
                s.problems.append('missing results: expected %d suites, got %d'
                                  % (node.plan, len(node.children)))
        for child in node.children:
            if not child.finished:
                s.problems.append('no result for %s' % child.path())
            if child.plan is not None and \
                    len(child.children) != child.plan and \
                    not (child.skipped and not child.children):
                s.problems.append('missing results: %s expected %d cases, '
                                  'got %d' % (child.path(), child.plan,
                                              len(child.children)))
            self._check(child, s)


def parse(text):
    """Parse a complete log; returns (KtapParser, Summary)."""
    p = KtapParser()
    p.feed(text)
    return p, p.finish()
