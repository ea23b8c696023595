# SPDX-License-Identifier: GPL-2.0
"""
session_steps.py - the gdb half of the scripted gdb session.

scripts/gdb_session.py starts QEMU paused with the test kernel
(ktest=selftest_gdb, tests/kernel/gdb_selftest.c) and runs

    gdb -batch -nx -x build/gdbtest.gdbinit -x scripts/gdb/session_steps.py

so gdb first does what a student's .gdbinit does (symbols, helpers,
target remote), then this file drives it, as a student would type:

    break reports_match_gdb, continue     the test case starts
    break kmalloc, continue               its kmalloc (inlined, 40-odd places)
    lx-slabinfo                           before
    step ...                              into kmalloc_trace(), the fast path
    finish                                "Value returned": the object
    lx-slabinfo                           after: one more active object
    lx-symbols                            no module yet: arms do_init_module
    break kmalloc_param_init, continue    pending; the case loads the module,
                                          gdb stops on its init's first line
    bt                                    the module's init, do_init_module
    break gdb_checkpoint, continue        the kernel printed its reports
    print $lx_current(N) ...              each CPU's task and sheaves
    lx-<report> for each one              the same state, read by gdb
    continue                              the case frees, the kernel powers off

Each step's result and every helper's text go to the JSON file named by
$GDB_SESSION_RESULT, written after every step, so a hang still leaves a
record of how far it got.  The kernel's serial output (the reports to
compare with) is read from $GDB_SESSION_SERIAL.  The comparison itself is
done by gdb_session.py after gdb exits.
"""

import json
import os
import re

import gdb

RESULT = os.environ["GDB_SESSION_RESULT"]
SERIAL = os.environ["GDB_SESSION_SERIAL"]
SMP = int(os.environ.get("GDB_SESSION_SMP", "1"))	# QEMU's vCPUs
MAX_TRIES = 20		# stops at other kmalloc calls, steps to kmalloc_trace
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the module the case loads (GDB_MODULE in tests/kernel/gdb_selftest.c)
MODULE = "kmalloc_param"
MODULE_SRC = os.path.join(ROOT, "examples", "modules", MODULE + ".c")

result = {"steps": [], "helpers": {}, "object": None}


def save():
    with open(RESULT + ".tmp", "w") as f:
        json.dump(result, f, indent=1)
    os.replace(RESULT + ".tmp", RESULT)


def record(name, ok, detail=""):
    result["steps"].append({"name": name, "ok": bool(ok), "detail": detail})
    save()
    gdb.write("[session] %s %s %s\n" % ("PASS" if ok else "FAIL", name, detail))
    return ok


def run(cmd):
    """A gdb command, its output both captured and shown in the transcript.

    In the transcript each output line is quoted with "| ": lx-dmesg
    replays the kernel's KTAP lines, which must not read as a KTAP stream
    of their own to whoever parses the file.
    """
    gdb.write("(gdb) %s\n" % cmd)
    out = gdb.execute(cmd, to_string=True)
    gdb.write("".join("| " + line for line in out.splitlines(True)))
    return out


def frame_names():
    frame = gdb.selected_frame()
    older = frame.older()
    return frame.name(), older.name() if older else None


def active_objs(slabinfo, cache):
    for line in slabinfo.splitlines():
        fields = line.split()
        if fields and fields[0] == cache:
            return int(fields[1])
    return None


DECLARATION = re.compile(r"\s*(static |const |unsigned |signed |int |long |char |"
                         r"size_t |void |struct \w+ )[^=(]*;$")


def first_line(path, function):
    """The line of @function's first statement in @path (after "{" and
    any declarations without initializer): where "break FUNCTION" stops."""
    with open(path) as f:
        lines = f.read().splitlines()
    i = next(i for i, l in enumerate(lines) if re.search(r"\b%s\(void\)$" % function, l))
    i = lines.index("{", i) + 1
    while not lines[i].strip() or DECLARATION.match(lines[i]):
        i += 1
    return i + 1


def module_steps():
    """lx-symbols, then a pending breakpoint in the module's init."""
    out = run("lx-symbols")
    if not record("lx-symbols before any module", "loading" not in out, out.strip()):
        return False
    init = MODULE + "_init"
    run("break " + init)
    run("continue")
    frame = gdb.selected_frame()
    sal = frame.find_sal()
    where = "%s at %s:%s, pc %#x" % (frame.name(), sal.symtab.filename if sal.symtab
                                     else "?", sal.line, frame.pc())
    # At -O2 the init's first instruction may belong to an inlined callee of
    # its first line (kmalloc: gdb shows slab.h), so the check is that it
    # stopped in the init, before anything of that first line ran.
    want = first_line(MODULE_SRC, init)
    func = frame.function()
    try:
        first = min(s.pc for s in gdb.decode_line("%s.c:%d" % (MODULE, want))[1])
    except gdb.error as e:
        first, where = None, where + "; no code for line %d: %s" % (want, e)
    if not record("break %s (pending) stops on its first line (%d)" % (init, want),
                  frame.name() == init and func is not None
                  and func.symtab.filename.endswith(MODULE + ".c") and first is not None
                  and frame.block().start <= frame.pc() <= first,
                  "stopped in %s; line %d at %s" % (where, want,
                                                    "%#x" % first if first else "?")):
        return False
    run("delete")
    bt = run("bt")
    names = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+) ", bt, re.M)
    record("bt shows the module's init called by do_init_module",
           names[:2] == [init, "do_init_module"], " <- ".join(names[:4]))
    # the sections the loader drops (.modinfo) are not at 0
    record("no module symbol at address 0", "0x0 <" not in bt,
           "; ".join(re.findall(r"0x0 <[^>]*>", bt)[:2]))
    # the module's symbols are at the loader's addresses: a core one too
    # (MODULES_VADDR, MODULES_END: teachkernel.py, sourced by the .gdbinit
    # into this same namespace, defines the kernel's constants)
    exit_addr = int(gdb.parse_and_eval("(unsigned long)&%s_exit" % MODULE))
    record("the module's symbols are in the module area",
           MODULES_VADDR <= exit_addr < MODULES_END, "%s_exit at %#x" % (MODULE, exit_addr))
    lsmod = run("lx-lsmod")
    record("lx-lsmod while init runs", re.search(r"^0x[0-9a-f]{16} %s " % MODULE,
                                                  lsmod, re.M) is not None,
           lsmod.strip().splitlines()[-1])
    return True


def cpu_threads():
    """One gdb thread per vCPU, each with its CPU's per-CPU offset in GS."""
    threads = sorted(gdb.selected_inferior().threads(), key=lambda t: t.num)
    selected = gdb.selected_thread()
    bases = []
    for t in threads:
        t.switch()
        bases.append(int(gdb.parse_and_eval("$gs_base")) & 0xffffffffffffffff)
    selected.switch()
    offsets = [int(gdb.parse_and_eval("__per_cpu_offset[%d]" % cpu)) & 0xffffffffffffffff
               for cpu in range(len(threads))]
    record("gdb sees %d threads, one per CPU, each with its own GS base" % SMP,
           len(threads) == SMP and bases == offsets and len(set(bases)) == SMP,
           "%d threads, GS bases %s, per-CPU offsets %s"
           % (len(threads), [hex(b) for b in bases], [hex(o) for o in offsets]))


# tests/kernel/gdb_selftest.c: CPU N leaves GDB_PERCPU_BASE + N objects in
# its sheaf of this cache, and each CPU but 0 runs its hold thread
PERCPU_CACHE = "gdb_percpu"
PERCPU_BASE = 3
HOLD_THREAD = "gdbhold/%d"


def per_cpu_parts():
    """Every CPU's own part, read through the per-CPU helpers: the sheaves
    of gdb_percpu hold each CPU's own count (so lx-slabinfo, compared
    later, had to subtract each), and $lx_current(N) is the task the
    kernel runs there."""
    online = cpumask_cpus("__cpu_online_mask")
    record("%d CPUs online" % SMP, len(online) == SMP, "online: %s" % online)
    cache = None
    for s in list_for_each_entry(symbol_value("slab_caches"), "struct kmem_cache", "list"):
        if c_string(s["name"]) == PERCPU_CACHE:
            cache = s.dereference()
    if not record("cache %s exists" % PERCPU_CACHE, cache is not None):
        return
    sheaves = [int(cache["cpu"][cpu]["sheaf"]["nr"]) for cpu in online]
    want = [PERCPU_BASE + cpu for cpu in online]
    record("each CPU's sheaf of %s holds its own objects" % PERCPU_CACHE,
           sheaves == want, "sheaf.nr by CPU %s, expected %s" % (sheaves, want))
    comms = []
    for cpu in online:
        run("print $lx_current(%d)->comm" % cpu)
        comms.append(gdb.history(0).string())
    holds = [HOLD_THREAD % cpu for cpu in online if cpu]
    record("$lx_current(N) is each CPU's task", comms[1:] == holds
           and comms[0] == c_string(this_cpu_value("current_task")["comm"]),
           "%s" % comms)
    # lx-ctx in each vCPU's thread: that CPU's context and task
    threads = sorted(gdb.selected_inferior().threads(), key=lambda t: t.num)
    selected = gdb.selected_thread()
    seen = []
    for t in threads:
        t.switch()
        m = re.search(r"^current: (\S+) \(pid \d+\) on CPU (\d+)$", run("lx-ctx"), re.M)
        seen.append((int(m.group(2)), m.group(1)) if m else None)
    selected.switch()
    record("lx-ctx in each thread names its CPU and that CPU's task",
           seen == list(zip(online, comms)), "%s" % seen)
    ticks = [int(gdb.parse_and_eval("$lx_per_cpu(irq_stat, %d).apic_timer_irqs" % cpu))
             for cpu in online]
    record("$lx_per_cpu(irq_stat, N) reads each CPU's copy",
           all(t > 0 for t in ticks) and
           ticks[0] == int(gdb.parse_and_eval("irq_stat.apic_timer_irqs")),
           "timer ticks by CPU %s" % ticks)


def main():
    if not gdb.selected_inferior().pid:
        record("attach to QEMU", False, "target remote failed (see the transcript)")
        return
    record("attach to QEMU", True)

    run("break reports_match_gdb")
    run("continue")
    name, _ = frame_names()
    if not record("break reports_match_gdb", name == "reports_match_gdb",
                  "stopped in %s" % name):
        return
    run("delete")

    # kmalloc is __always_inline: gdb puts a breakpoint in every caller
    run("break kmalloc")
    for _ in range(MAX_TRIES):
        run("continue")
        name, caller = frame_names()
        if name == "kmalloc" and caller == "reports_match_gdb":
            break
    if not record("break kmalloc", name == "kmalloc" and caller == "reports_match_gdb",
                  "stopped in %s called from %s" % (name, caller)):
        return
    run("delete")
    run("bt 3")
    size = int(gdb.parse_and_eval("size"))
    before = run("lx-slabinfo")

    for _ in range(MAX_TRIES):
        run("step")
        name, _ = frame_names()
        if name == "kmalloc_trace":
            break
    if not record("step into kmalloc_trace", name == "kmalloc_trace",
                  "stepped to %s" % name):
        return
    cache = gdb.parse_and_eval("s")["name"].string()
    run("print *s")

    run("finish")
    name, caller = frame_names()
    returned = gdb.history(0)	# finish puts the return value in $
    # back in the test case, or still on an instruction of the kmalloc
    # inlined there (storing the result, when the compiler keeps it on the
    # stack): gdb then names that inline frame
    back = (name == "reports_match_gdb" or
            (name == "kmalloc" and caller == "reports_match_gdb"))
    ok = back and returned.type.code == gdb.TYPE_CODE_PTR
    record("finish", ok, "back in %s (called from %s), returned %s"
           % (name, caller, returned))
    if not ok:
        return
    result["object"] = int(returned)
    after = run("lx-slabinfo")
    a, b = active_objs(before, cache), active_objs(after, cache)
    record("lx-slabinfo changes after kmalloc(%d)" % size,
           a is not None and b == a + 1,
           "%s active_objs %s -> %s" % (cache, a, b))

    if not module_steps():
        return

    run("break gdb_checkpoint")
    run("continue")
    name, _ = frame_names()
    if not record("break gdb_checkpoint", name == "gdb_checkpoint", "stopped in %s" % name):
        return
    run("delete")
    cpu_threads()
    per_cpu_parts()

    # a module loaded before lx-symbols runs: its symbols dropped, then
    # loaded again by lx-symbols from the folder given
    exit_addr = int(gdb.parse_and_eval("(unsigned long)&%s_exit" % MODULE))
    run("remove-symbol-file -a %#x" % exit_addr)
    out = run("lx-symbols examples/modules")
    again = int(gdb.parse_and_eval("(unsigned long)&%s_exit" % MODULE))
    record("lx-symbols DIR loads a loaded module's symbols",
           "loading @" in out and again == exit_addr,
           "%s_exit at %#x" % (MODULE, again))

    # the kernel printed "@@gdb-report COMMAND" before each report
    with open(SERIAL, "rb") as f:
        serial = f.read().decode("latin-1")
    commands = re.findall(r"^@@gdb-report (.*?)\r?$", serial, re.M)
    for cmd in commands:
        try:
            result["helpers"][cmd] = run("lx-" + cmd)
        except gdb.error as e:
            result["helpers"][cmd] = "gdb error: %s\n" % e
    save()
    record("ran %d helpers" % len(commands), len(commands) > 0)

    # a bad argument gets a usage message, never a Python traceback
    for bad in ("no_such_symbol_xyz", "0x1000 +", "*init_task"):
        try:
            out = run("lx-pagewalk " + bad)
            msg = "no error; printed %r" % out[:60]
        except gdb.error as e:
            msg = str(e)
        record("lx-pagewalk %s: usage error" % bad,
               msg.startswith("lx-pagewalk: ") and "usage: lx-pagewalk" in msg
               and "Python" not in msg, msg.splitlines()[0])

    # let the case free its memory, and the kernel report and power off:
    # QEMU exits, and gdb sees the connection close
    try:
        run("continue")
    except gdb.error as e:
        if "connection closed" not in str(e).lower():
            raise
    record("continue to the end", True)


try:
    main()
except gdb.error as e:
    record("gdb session", False, "gdb error: %s" % e)
except KeyboardInterrupt:
    record("gdb session", False, "interrupted")
