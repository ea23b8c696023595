# SPDX-License-Identifier: GPL-2.0
"""
teachkernel.py - gdb commands that read the live kernel's data structures.

Loaded by .gdbinit (scripts/gdbinit.in) with "source".  Each command walks
the same structures as the kernel's own report and prints the same text,
byte for byte, so what you see in gdb is what the shell command or the
test log would show for the same moment:

    lx-dmesg           the log ring            kernel/printk.c     (shell: dmesg)
    lx-meminfo         /proc/meminfo           mm/meminfo.c        (meminfo)
    lx-buddyinfo       /proc/buddyinfo         mm/page_alloc.c     (buddyinfo)
    lx-slabinfo        /proc/slabinfo          mm/slab_common.c    (slabinfo)
    lx-vmallocinfo     /proc/vmallocinfo       mm/vmalloc.c        (vmallocinfo)
    lx-pagewalk ADDR   one address's walk      mm/pgtable.c        (pagewalk ADDR)
    lx-ctx             preempt_count, irqs     kernel/shell.c      (ctx)
    lx-ps              the tasks               kernel/shell.c      (ps)
    lx-cpus            each CPU, its pcp lists kernel/shell.c      (cpus)
    lx-lsmod           the loaded modules      kernel/module/kmod.c (lsmod)
    lx-symbols [DIR..] load the symbols of loaded modules' .ko files

and two functions for expressions, as Linux's gdb scripts have them:

    $lx_per_cpu(VAR, CPU)   CPU's copy of the per-CPU variable VAR
    $lx_current([CPU])      the task running on CPU (default: gdb's
                            selected thread, one per vCPU)

Many CPUs.  gdb stops every vCPU at once (all-stop) and QEMU shows each
as a thread ("info threads", "thread N").  A per-CPU variable's symbol
is CPU 0's copy; CPU N's lies __per_cpu_offset[N] further
(<linux/percpu.h>).  Reports that count per-CPU parts (slabinfo's
sheaves and cpu freelists, meminfo's per-CPU page lists, cpus) read
every CPU's, whichever thread is selected; lx-ctx and lx-ps's
"(current)" are about the selected thread's CPU, as the shell's ctx and
ps are about the CPU the shell runs on.

Each function below names the C function it mirrors; when that function
changes, change its mirror (scripts/gdb_session.py, part of `make test`,
compares every command with the kernel's own text and fails when they
differ).  Constants that are C macros or enum values, which gdb cannot
see without -g3, are generated from the headers at build time
(scripts/gdb/constants.c -> build/gdb/constants.py, load_constants());
sizes of arrays are taken from the debug info.  Nothing is copied by
hand, so nothing can drift.

The commands read memory while the kernel is stopped.  Nothing is
written, nothing is called in the target: they work even when the
kernel is wedged, in an interrupt handler or halfway through an
allocation.  A structure that is not set up yet (stopped early in boot)
or is corrupt gives an error message, never a hang: every list walk is
bounded.
"""

import os
import struct

import gdb


def load_constants():
    """The kernel's constants, generated from its headers at build time.

    C macros and enum values are not in the debug info (macros would need
    -g3), so `make` compiles scripts/gdb/constants.c with the kernel's
    flags and writes build/gdb/constants.py from it; nothing is copied by
    hand.  $TK_GDB_CONSTANTS names another file.
    """
    here = globals().get("__file__")
    root = (os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(here))))
            if here else os.getcwd())
    path = os.environ.get("TK_GDB_CONSTANTS",
                          os.path.join(root, "build", "gdb", "constants.py"))
    names = {}
    try:
        with open(path) as f:
            exec(compile(f.read(), path, "exec"), names)
    except OSError as e:
        raise gdb.GdbError("teachkernel: %s: %s (run make first)"
                           % (path, e.strerror))
    return names


_constants = load_constants()
globals().update({k: v for k, v in _constants.items() if k.isupper()})

# the states task_state_name() in kernel/sched/core.c names
TASK_STATE_NAMES = {
    TASK_RUNNING: "R (running)",
    TASK_INTERRUPTIBLE: "S (sleeping)",
    TASK_UNINTERRUPTIBLE: "D (disk sleep)",
    TASK_DEAD: "X (dead)",
}

# No list in this kernel is longer than this; a longer one is corrupt
# (or not initialised yet) and is reported rather than walked forever.
MAX_LIST_WALK = 1 << 20

ULONG_MASK = (1 << 64) - 1


# ---- reading the target ---------------------------------------------------

class Memory:
    """Target memory read in whole pages, each page read once per command.

    Walking a freelist or a tree reads many small words; reading them one
    remote-protocol packet at a time is slow.  A Memory lives for one
    command only, so it never shows stale data.
    """

    def __init__(self):
        self.inferior = gdb.selected_inferior()
        self.pages = {}

    def read(self, addr, size):
        out = bytearray()
        while size > 0:
            base = addr & ~0xfff
            page = self.pages.get(base)
            if page is None:
                page = bytes(self.inferior.read_memory(base, 0x1000))
                self.pages[base] = page
            chunk = min(size, base + 0x1000 - addr)
            out += page[addr - base:addr - base + chunk]
            addr += chunk
            size -= chunk
        return bytes(out)

    def u64(self, addr):
        return struct.unpack("<Q", self.read(addr, 8))[0]


def symbol_value(name, filename=None):
    """The value of a global (or, with @filename, a file's static) variable."""
    expr = "'%s'::%s" % (filename, name) if filename else name
    try:
        return gdb.parse_and_eval(expr)
    except gdb.error as e:
        raise gdb.GdbError("cannot read %s: %s (is build/kernel.elf loaded?)"
                           % (name, e))


def ulong(value):
    return int(value) & ULONG_MASK


def c_string(value, maxlen=256):
    """A char * or char[] as text, up to its NUL ("(null)" as vsprintf)."""
    inf = gdb.selected_inferior()
    try:
        if value.type.strip_typedefs().code == gdb.TYPE_CODE_ARRAY:
            raw = bytes(inf.read_memory(value.address, value.type.sizeof))
        else:
            addr = ulong(value)
            if addr == 0:
                return "(null)"
            raw = b""
            while b"\0" not in raw and len(raw) < maxlen:
                # a page at a time: the string may end just before a hole
                chunk = 0x1000 - ((addr + len(raw)) & 0xfff)
                raw += bytes(inf.read_memory(addr + len(raw), chunk))
    except gdb.MemoryError:
        return "(efault)"
    return raw.split(b"\0", 1)[0][:maxlen].decode("latin-1")


def array_len(value):
    lo, hi = value.type.strip_typedefs().range()
    return hi - lo + 1


def field_offset(typename, member):
    for f in gdb.lookup_type(typename).fields():
        if f.name == member:
            return f.bitpos // 8
    raise gdb.GdbError("%s has no member %s" % (typename, member))


def container_of(ptr, typename, member):
    """The C macro: the structure that holds the member @ptr points to."""
    addr = ulong(ptr) - field_offset(typename, member)
    return gdb.Value(addr).cast(gdb.lookup_type(typename).pointer())


def list_for_each_entry(head, typename, member):
    """The entries of a struct list_head list (include/linux/list.h)."""
    head_addr = ulong(head.address)
    node = head["next"]
    for _ in range(MAX_LIST_WALK):
        if ulong(node) == head_addr:
            return
        if ulong(node) == 0:
            raise gdb.GdbError("list at %#x is not initialised (too early in "
                               "boot?)" % head_addr)
        yield container_of(node, typename, member)
        node = node["next"]
    raise gdb.GdbError("list at %#x does not end: corrupt?" % head_addr)


class Kallsyms:
    """%pS: "name+0xoff/0xsize", as kernel/kallsyms.c prints it.

    The kernel carries its own symbol table (scripts/kallsyms.py builds
    it from the ELF symbols and their st_size).  Reading that very table
    from memory and searching it as find_symbol() does gives the kernel's
    answer exactly, aliases and sizes included; gdb's own symbol lookup
    knows no sizes and picks among aliases differently.
    """

    def __init__(self):
        inf = gdb.selected_inferior()
        n = int(symbol_value("kallsyms_num_syms"))
        self.n = n
        if n == 0:
            return

        def read(name, size):
            addr = ulong(symbol_value(name).address)
            return bytes(inf.read_memory(addr, size))

        self.addresses = struct.unpack("<%dQ" % n, read("kallsyms_addresses", 8 * n))
        self.sizes = struct.unpack("<%dQ" % n, read("kallsyms_sizes", 8 * n))
        self.offsets = struct.unpack("<%dI" % n, read("kallsyms_offsets", 4 * n))
        self.names_addr = ulong(symbol_value("kallsyms_names").address)
        self.mem = Memory()

    def _find(self, addr):
        """find_symbol(): the last start <= addr, if addr is inside it."""
        if self.n == 0 or addr < self.addresses[0]:
            return -1
        lo, hi = 0, self.n
        while hi - lo > 1:
            mid = lo + (hi - lo) // 2
            if self.addresses[mid] <= addr:
                lo = mid
            else:
                hi = mid
        if addr - self.addresses[lo] < self.sizes[lo] or addr == self.addresses[lo]:
            return lo
        return -1

    def name(self, idx):
        raw = self.mem.read(self.names_addr + self.offsets[idx], 128)
        return raw.split(b"\0", 1)[0].decode("latin-1")

    def sprint_symbol(self, addr):
        idx = self._find(addr)
        if idx < 0:
            return "0x%x" % addr
        return "%s+0x%x/0x%x" % (self.name(idx)[:127], addr - self.addresses[idx],
                                 self.sizes[idx])


# ---- the reports ------------------------------------------------------------

def dmesg_text():
    """cmd_dmesg() through log_read(): the ring's text without level markers."""
    log_buf = symbol_value("log_buf")
    size = array_len(log_buf)
    head = int(symbol_value("log_head"))
    first = head - size if head > size else 0
    ring = bytes(gdb.selected_inferior().read_memory(log_buf.address, size))
    out = bytearray()
    seq = first
    while seq < head:
        c = ring[seq % size]
        if c == KERN_SOH:
            seq += 2
            continue
        if c == 0:		# log_read() stops at a NUL
            break
        out.append(c)
        seq += 1
    return out.decode("latin-1")


def zone_pcp_count(zone):
    """zone_pcp_count() in <linux/mmzone.h>: every CPU's per-CPU list."""
    pcp = zone["pcp"]
    return sum(int(pcp[cpu]["count"]) for cpu in range(array_len(pcp)))


def zone_free_pages_total(zone):
    return ulong(zone["free_pages"]) + zone_pcp_count(zone)


def meminfo_text():
    """meminfo_show() in mm/meminfo.c."""
    zones = symbol_value("zones")
    free = reserve = total = 0
    for i in range(array_len(zones)):
        zone = zones[i]
        free += zone_free_pages_total(zone)
        total += ulong(zone["managed_pages"])
        reserve += ulong(zone["_watermark"][WMARK_HIGH])
    slab = ulong(symbol_value("nr_slab_pages"))
    direct = symbol_value("direct_pages_count")

    def k(pages):
        return (pages << (PAGE_SHIFT - 10)) & ULONG_MASK

    lines = [
        ("MemTotal:", k(total)),
        ("MemFree:", k(free)),
        ("MemAvailable:", k(free - reserve if free > reserve else 0)),
        ("Slab:", k(slab)),
        ("SReclaimable:", 0),
        ("SUnreclaim:", k(slab)),
        ("PageTables:", k(ulong(symbol_value("nr_pgtable_pages")))),
        ("VmallocTotal:", (VMALLOC_END - VMALLOC_START + 1) >> 10),
        ("VmallocUsed:", k(ulong(symbol_value("nr_vmalloc_pages", "mm/vmalloc.c")))),
        ("VmallocChunk:", 0),
        ("DirectMap4k:", ulong(direct[0]) * 4),
        ("DirectMap2M:", ulong(direct[1]) * 2048),
        ("DirectMap1G:", ulong(direct[2]) * 1024 * 1024),
    ]
    return "".join("%-16s%8d kB\n" % (name, kb & ULONG_MASK) for name, kb in lines)


def buddyinfo_text():
    """buddyinfo_show() in mm/page_alloc.c: populated zones only."""
    zones = symbol_value("zones")
    out = []
    for i in range(array_len(zones)):
        zone = zones[i]
        if ulong(zone["present_pages"]) == 0:	# populated_zone()
            continue
        line = "Node 0, zone %8s " % c_string(zone["name"])
        free_area = zone["free_area"]
        for order in range(array_len(free_area)):
            line += "%6d " % ulong(free_area[order]["nr_free"])
        out.append(line + "\n")
    return "".join(out)


def slab_cache_live(mem, s):
    """
    slab_cache_live() in mm/slub.c: objects taken minus, summed over every
    CPU's part of the cache (s->cpu[N], CPU N's whether or not gdb's
    selected thread is CPU N), the objects in its sheaf and on its cpu
    freelist.  The kernel asks each CPU by IPI (count_cpu_free()) to give
    its sheaf back to the slabs and count its cpu freelist; gdb, with
    every CPU stopped, reads them all and subtracts them.  (With
    interrupts off the kernel can ask no other CPU, and counts their free
    objects as allocated: its figure is then higher than this one.)
    """
    offset = int(s["offset"])
    cpus = s["cpu"]
    nr_free = 0
    for cpu in range(array_len(cpus)):
        c = cpus[cpu]
        nr_free += ulong(c["sheaf"]["nr"])
        p = ulong(c["freelist"])
        walked = 0
        while p:
            nr_free += 1
            walked += 1
            if walked > MAX_LIST_WALK:
                raise gdb.GdbError("cpu %d freelist of %s does not end: corrupt?"
                                   % (cpu, c_string(s["name"])))
            p = mem.u64(p + offset)		# get_freepointer()
    return (int(s["nr_taken"]) - nr_free) & ULONG_MASK


def slabinfo_text():
    """slabinfo_show() in mm/slab_common.c."""
    mem = Memory()
    out = ["slabinfo - version: 2.1\n",
           "# name            <active_objs> <num_objs> <objsize> <objperslab> "
           "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
           "slabdata <active_slabs> <num_slabs> <sharedavail>\n"]
    for s in list_for_each_entry(symbol_value("slab_caches"), "struct kmem_cache", "list"):
        s = s.dereference()
        nr_slabs = ulong(s["nr_slabs"])
        objects = int(s["objects"])
        out.append("%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : "
                   "slabdata %6d %6d %6d\n" % (
                       c_string(s["name"]), slab_cache_live(mem, s),
                       (nr_slabs * objects) & ULONG_MASK, int(s["size"]), objects,
                       1 << int(s["order"]), 0, 0, 0, nr_slabs, nr_slabs, 0))
    return "".join(out)


def avl_first(root):
    node = root["node"]
    if ulong(node) == 0:
        return None
    while ulong(node["left"]):
        node = node["left"]
    return node


def avl_next(node):
    """lib/avltree.c avl_next(): in-order successor."""
    if ulong(node["right"]):
        node = node["right"]
        while ulong(node["left"]):
            node = node["left"]
        return node
    parent = node["parent"]
    while ulong(parent) and ulong(node) == ulong(parent["right"]):
        node = parent
        parent = node["parent"]
    return parent if ulong(parent) else None


def vmallocinfo_text():
    """vmallocinfo_show() in mm/vmalloc.c: busy areas by address, then lazy ones."""
    syms = Kallsyms()
    out = []
    node = avl_first(symbol_value("busy_tree", "mm/vmalloc.c"))
    walked = 0
    while node is not None:
        walked += 1
        if walked > MAX_LIST_WALK:
            raise gdb.GdbError("vmalloc busy tree does not end: corrupt?")
        va = container_of(node, "struct vmap_area", "node").dereference()
        vm = va["vm"]
        start, end = ulong(va["va_start"]), ulong(va["va_end"])
        flags = ulong(vm["flags"])
        kind = ("vmalloc" if flags & VM_ALLOC else
                "ioremap" if flags & VM_IOREMAP else "vmap")
        out.append("0x%016x-0x%016x %7d %s pages=%d %s\n" % (
            start, end, (end - start) & ULONG_MASK,
            syms.sprint_symbol(ulong(vm["caller"])), int(vm["nr_pages"]), kind))
        node = avl_next(node)
    for va in list_for_each_entry(symbol_value("lazy_list", "mm/vmalloc.c"),
                                  "struct vmap_area", "lazy"):
        start, end = ulong(va["va_start"]), ulong(va["va_end"])
        out.append("0x%016x-0x%016x %7d unpurged vm_area\n" % (
            start, end, (end - start) & ULONG_MASK))
    return "".join(out)


def __pa(addr):
    """__phys_addr() in asm/page.h: kernel image or direct map."""
    if addr >= START_KERNEL_MAP:
        return addr - START_KERNEL_MAP
    return (addr - PAGE_OFFSET) & ULONG_MASK


def entry_flags(e):
    """show_entry_flags() in mm/pgtable.c."""
    return "".join([
        " P" if e & PAGE_PRESENT else " -",
        " RW" if e & PAGE_RW else " RO",
        " U" if e & PAGE_USER else " K",
        " A" if e & PAGE_ACCESSED else "",
        " D" if e & PAGE_DIRTY else "",
        " PSE" if e & PAGE_PSE else "",
        " NX" if e & PAGE_NX else " X"])


def pagewalk_text(va):
    """pagewalk_show() in mm/pgtable.c: init_pgd down to the frame."""
    mem = Memory()
    levels = [("PGD", 39), ("PUD", 30), ("PMD", 21), ("PTE", 12)]
    table = ulong(symbol_value("init_pgd"))
    if table == 0:
        raise gdb.GdbError("init_pgd is not set yet (too early in boot)")
    out = ["pagewalk %016x (CR3 %016x)\n" % (va, __pa(table))]
    for name, shift in levels:
        idx = (va >> shift) & (PTRS_PER_TABLE - 1)
        e = mem.u64(table + 8 * idx)
        out.append("  %s[%3d] = %016x%s\n" % (name, idx, e, entry_flags(e)))
        if not e & PAGE_PRESENT:
            out.append("  not mapped: no %s entry\n" % name)
            break
        if name == "PTE" or e & PAGE_PSE:
            mask = (1 << shift) - 1
            size = {"PTE": "4 KiB", "PMD": "2 MiB"}.get(name, "1 GiB")
            out.append("  -> physical %016x (%s page)\n"
                       % (((e & PTE_ADDR_MASK) & ~mask) | (va & mask), size))
            break
        table = (e & PTE_ADDR_MASK) + PAGE_OFFSET		# __va()
    return "".join(out)


def task_state_name(t):
    """task_state_name() in kernel/sched/core.c."""
    return TASK_STATE_NAMES.get(ulong(t["__state"]), "? (unknown)")


def ps_text():
    """cmd_ps() in kernel/shell.c: every task on task_list."""
    current = ulong(this_cpu_value("current_task"))
    out = ["  PID CPU STATE           COMM\n"]
    for t in list_for_each_entry(symbol_value("task_list"), "struct task_struct", "tasks"):
        out.append("%5d %3u %-15s %s%s\n" % (
            int(t["pid"]), int(t["cpu"]), task_state_name(t), c_string(t["comm"]),
            " (current)" if ulong(t) == current else ""))
    return "".join(out)


def per_cpu_offset(cpu):
    """__per_cpu_offset[cpu]: where CPU @cpu's copies lie from CPU 0's."""
    return ulong(symbol_value("__per_cpu_offset")[cpu])


def nr_cpus():
    """NR_CPUS, the length of __per_cpu_offset[]."""
    return array_len(symbol_value("__per_cpu_offset"))


def this_cpu():
    """(CPU number, per-CPU offset) of gdb's selected thread (a vCPU).

    Each CPU's GS base is its per-CPU offset (<linux/percpu.h>); CPU 0's
    is 0, as is every offset before the other CPUs start.
    """
    try:
        gs = int(gdb.parse_and_eval("$gs_base")) & ULONG_MASK
    except gdb.error:
        return 0, 0
    for cpu in range(nr_cpus()):
        if per_cpu_offset(cpu) == gs:
            return cpu, gs
    return 0, 0


def per_cpu_value(var, cpu):
    """per_cpu(var, cpu): CPU @cpu's copy of the per-CPU variable @var
    (a gdb.Value, CPU 0's copy, or the name of the variable)."""
    if isinstance(var, str):
        var = symbol_value(var)
    if var.address is None:
        raise gdb.GdbError("not a per-CPU variable (no address): %s" % var)
    addr = (ulong(var.address) + per_cpu_offset(cpu)) & ULONG_MASK
    return gdb.Value(addr).cast(var.type.pointer()).dereference()


def this_cpu_value(name):
    """The selected CPU's copy of the per-CPU variable @name."""
    cpu, _ = this_cpu()
    return per_cpu_value(name, cpu)


def cpumask_cpus(name):
    """The CPU numbers in the struct cpumask @name, below nr_cpu_ids
    (for_each_cpu() in <linux/cpumask.h>)."""
    bits = ulong(symbol_value(name)["bits"][0])
    return [cpu for cpu in range(int(symbol_value("nr_cpu_ids"))) if bits >> cpu & 1]


def pcplists_text():
    """pcplists_show() in mm/page_alloc.c: each online CPU's per-CPU lists."""
    zones = symbol_value("zones")
    zone_list = [zones[i] for i in range(array_len(zones))]
    out = ["Per-CPU page lists (free frames; high/batch):\nCPU "]
    out += [" %9s" % c_string(z["name"]) for z in zone_list]
    out.append("\n")
    for cpu in cpumask_cpus("__cpu_online_mask"):
        out.append("%3u " % cpu)
        for z in zone_list:
            if ulong(z["present_pages"]):
                out.append(" %9d" % int(z["pcp"][cpu]["count"]))
            else:
                out.append(" %9s" % "-")
        out.append("\n")
    out.append("h/b ")
    for z in zone_list:
        hb = "%d/%d" % (int(z["pcp"][0]["high"]), int(z["pcp"][0]["batch"]))
        out.append(" %9s" % (hb if ulong(z["present_pages"]) else "-"))
    out.append("\n")
    return "".join(out)


def cpus_text():
    """cmd_cpus() in kernel/shell.c: every possible CPU's state, timer
    ticks, IPIs (per-CPU irq_stat), timer base (timer_bases[]) and idle
    task, then the pcp lists."""
    online = cpumask_cpus("__cpu_online_mask")
    possible = cpumask_cpus("__cpu_possible_mask")
    apicid = symbol_value("x86_cpu_to_apicid")
    idle = symbol_value("idle_tasks")
    bases = symbol_value("timer_bases", "kernel/time/timer.c")
    out = ["online: %u of %u CPUs\n" % (len(online), len(possible)),
           "CPU  APIC  STATE    TIMER_TICKS  CALL_IPIS  RESCHED_IPIS  TIMERS  TIMER_FNS  IDLE\n"]
    for cpu in possible:
        st = per_cpu_value("irq_stat", cpu)
        task = idle[cpu]
        # the CPU's timer base: timers waiting, functions run there
        base = bases[cpu]
        timers = sum(1 for _ in list_for_each_entry(base["pending"], "struct timer_list",
                                                    "entry"))
        out.append("%3u  %4u  %-7s  %11d  %9d  %12d  %6u  %9d  %s\n" % (
            cpu, int(apicid[cpu]), "online" if cpu in online else "offline",
            ulong(st["apic_timer_irqs"]), ulong(st["irq_call_count"]),
            ulong(st["irq_resched_count"]), timers, ulong(base["expired"]),
            c_string(task["comm"]) if ulong(task) else "-"))
    return "".join(out) + pcplists_text()


def ctx_text():
    """cmd_ctx() in kernel/shell.c, with the CPU's IF flag from $eflags."""
    cpu, _ = this_cpu()
    pc = int(this_cpu_value("__preempt_count")) & 0xffffffff
    irqs_disabled = not (int(gdb.parse_and_eval("$eflags")) & X86_EFLAGS_IF)
    in_interrupt = bool(pc & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))
    in_task = not pc & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)
    current = this_cpu_value("current_task")
    if ulong(current) == 0:
        who = "current: (none yet)\n"
    else:
        who = "current: %s (pid %d) on CPU %d\n" % (c_string(current["comm"]),
                                                   int(current["pid"]), cpu)
    # this kernel's vsprintf prints "%#x" of 0 as "0x0"
    return ("preempt_count: 0x%x (preempt %d, softirq %d, hardirq %d, nmi %d)\n"
            % (pc, pc & PREEMPT_MASK, (pc & SOFTIRQ_MASK) >> 8,
               (pc & HARDIRQ_MASK) >> 16, (pc & NMI_MASK) >> 20) +
            "in_interrupt: %d, in_task: %d, in_atomic: %d, irqs_disabled: %d, "
            "preemptible: %d\n" % (in_interrupt, in_task, pc != 0, irqs_disabled,
                                   pc == 0 and not irqs_disabled) +
            who)


def module_list():
    """The loaded modules, newest first, as cmd_lsmod() walks `modules`.

    A module still being laid out (MODULE_STATE_UNFORMED) is skipped, as
    lsmod skips it: its sections are not in place yet.
    """
    for mod in list_for_each_entry(symbol_value("modules"), "struct module", "list"):
        if int(mod["state"]) != MODULE_STATE_UNFORMED:
            yield mod


def lsmod_text():
    """cmd_lsmod() in kernel/module/kmod.c, with Linux's lx-lsmod Address column.

    Address is where the module's core (its text first) starts; the rest of
    each line is the shell's lsmod line, byte for byte.
    """
    out = ["Address            Module                  Size  Used by\n"]
    for mod in module_list():
        size = ulong(mod["core_size"])
        if ulong(mod["init_mem"]):
            size += ulong(mod["init_size"])
        users = [c_string(use["source"]["name"]) for use in
                 list_for_each_entry(mod["source_list"], "struct module_use",
                                     "source_list")]
        out.append("0x%016x %-19s %8d  %d%s%s\n" % (
            ulong(mod["core"]), c_string(mod["name"]), size, len(users),
            " " if users else "", ",".join(users)))
    return "".join(out)


# ---- the commands -----------------------------------------------------------

def memory_error(e):
    return ("cannot read kernel memory: %s (stopped before the kernel runs in "
            "long mode? break start_kernel, continue, then try again)" % e)


class ReportCommand(gdb.Command):
    """A command that prints the text of one report function."""

    def __init__(self, name, report):
        super().__init__(name, gdb.COMMAND_DATA)
        self.command_name = name
        self.report = report

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise gdb.GdbError("%s takes no argument" % self.command_name)
        try:
            gdb.write(self.report())
        except gdb.MemoryError as e:
            raise gdb.GdbError(memory_error(e))


def report_command(name, report, doc):
    cmd = type(name.replace("-", "_"), (ReportCommand,), {"__doc__": doc})
    cmd(name, report)


report_command("lx-dmesg", dmesg_text,
               "The kernel log ring (log_buf), as the shell's dmesg prints it.")
report_command("lx-meminfo", meminfo_text,
               "Memory totals in /proc/meminfo format, as the shell's meminfo.")
report_command("lx-buddyinfo", buddyinfo_text,
               "Free blocks per zone and order (/proc/buddyinfo), read from zones[].")
report_command("lx-slabinfo", slabinfo_text,
               "Slab caches in /proc/slabinfo format, walking slab_caches.\n"
               "active_objs counts every CPU's sheaf and cpu freelist out, as\n"
               "slab_cache_live() does by asking each CPU.")
report_command("lx-vmallocinfo", vmallocinfo_text,
               "vmalloc areas (/proc/vmallocinfo): the busy tree in address order,\n"
               "then the lazily freed areas.")
report_command("lx-ps", ps_text,
               "Tasks on task_list: pid, state and name, as the shell's ps.")
report_command("lx-lsmod", lsmod_text,
               "The loaded modules, as the shell's lsmod, with each one's address\n"
               "(Linux's lx-lsmod columns): walks the list `modules`.")
report_command("lx-cpus", cpus_text,
               "Each CPU: online or not, its timer ticks and IPIs (per-CPU irq_stat),\n"
               "its idle task, then every online CPU's per-CPU page lists.  As the\n"
               "shell's cpus.")
report_command("lx-ctx", ctx_text,
               "Where the CPU is: preempt_count split into its preempt, softirq,\n"
               "hardirq and nmi parts, interrupts on or off ($eflags.IF), the\n"
               "current task.  As the shell's ctx.")


class LxPagewalk(gdb.Command):
    """Walk the kernel page tables (init_pgd) for ADDR, as the shell's pagewalk.

Usage: lx-pagewalk ADDR    (any expression: 0xffff888000100000, ptr, $rsp)
One line per level with the entry and its flags, then the physical address."""

    def __init__(self):
        super().__init__("lx-pagewalk", gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

    USAGE = "usage: lx-pagewalk ADDR (an address or an expression: 0x..., ptr, $rsp)"

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError(self.USAGE)
        # A bad argument is a usage error, not a Python traceback.
        try:
            value = gdb.parse_and_eval(arg)
            if value.type.strip_typedefs().code in (gdb.TYPE_CODE_FUNC,
                                                    gdb.TYPE_CODE_ARRAY):
                value = value.address	# a function or array name: its address
            va = ulong(value)
        except (gdb.error, RuntimeError, ValueError, TypeError) as e:
            raise gdb.GdbError("lx-pagewalk: %r is not an address: %s\n%s"
                               % (arg.strip(), e, self.USAGE))
        try:
            gdb.write(pagewalk_text(va))
        except gdb.MemoryError as e:
            raise gdb.GdbError(memory_error(e))


LxPagewalk()


def cpu_argument(name, value):
    """A CPU number given to a $lx_ function: an online CPU."""
    try:
        cpu = int(value)
    except (gdb.error, TypeError, ValueError) as e:
        raise gdb.GdbError("%s: the CPU must be a number: %s" % (name, e))
    online = cpumask_cpus("__cpu_online_mask")
    if cpu not in online and not (cpu == 0 and not online):
        raise gdb.GdbError("%s: CPU %d is not online (online: %s)"
                           % (name, cpu, ", ".join(map(str, online))))
    return cpu


class LxPerCpu(gdb.Function):
    """CPU's copy of a per-CPU variable: $lx_per_cpu(VAR, CPU).

VAR is the variable itself (its symbol is CPU 0's copy), CPU a number:
    p $lx_per_cpu(irq_stat, 2)
    p $lx_per_cpu(__preempt_count, 1)
As per_cpu(var, cpu) in C: VAR's address plus __per_cpu_offset[CPU]."""

    def __init__(self):
        super().__init__("lx_per_cpu")

    def invoke(self, var, cpu):
        return per_cpu_value(var, cpu_argument("$lx_per_cpu", cpu))


class LxCurrent(gdb.Function):
    """The task running on a CPU: $lx_current([CPU]).

Without CPU, the CPU of gdb's selected thread ("info threads": one per
vCPU).  A struct task_struct *: p $lx_current(1)->comm."""

    def __init__(self):
        super().__init__("lx_current")

    def invoke(self, cpu=None):
        if cpu is None:
            return this_cpu_value("current_task")
        return per_cpu_value("current_task", cpu_argument("$lx_current", cpu))


LxPerCpu()
LxCurrent()


# ---- module symbols ---------------------------------------------------------

def module_dirs_default():
    """Where lx-symbols looks for NAME.ko when given no folder.

    The folders of the MODULES= files that `make qemu-gdb` booted with (it
    writes them to build/gdb/module-dirs), then
    examples/modules, the project's own examples.  Relative to the top of
    the tree, where `make gdb` runs gdb.
    """
    here = globals().get("__file__")
    root = (os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(here))))
            if here else os.getcwd())
    dirs = []
    try:
        with open(os.path.join(root, "build", "gdb", "module-dirs")) as f:
            dirs = f.read().split()
    except OSError:
        pass
    return dirs + [os.path.join(root, "examples", "modules")]


def module_sections(mod):
    """{section name: address} from mod->sects (record_sections() fills it)."""
    sects = mod["sects"]
    out = {}
    for i in range(int(mod["num_sects"])):
        out[c_string(sects[i]["name"])] = ulong(sects[i]["addr"])
    return out


SHF_ALLOC = 0x2


def ko_alloc_sections(path):
    """The names of the SHF_ALLOC sections of the ELF64 file @path."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise gdb.GdbError("lx-symbols: %s is not an ELF64 file" % path)
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3a)
    strtab = struct.unpack_from("<IIQQQQ", data, shoff + shstrndx * shentsize)[4]
    names = []
    for i in range(1, shnum):
        name, _, flags = struct.unpack_from("<IIQ", data, shoff + i * shentsize)
        if flags & SHF_ALLOC:
            names.append(data[strtab + name:data.index(b"\0", strtab + name)].decode())
    return names


class LoadModuleBreakpoint(gdb.Breakpoint):
    """Internal, silent: at do_init_module(), load the new module's symbols.

    do_init_module() (kernel/module/main.c) runs a module's init; it is
    never inlined, and the module's sections are in place when it is
    called.  The breakpoint loads the symbols and lets the kernel go on
    (stop() returns False), so a breakpoint set in the module's init
    before it was loaded (pending) is hit on its first line.
    """

    def __init__(self, command):
        super().__init__("do_init_module", internal=True)
        self.silent = True
        self.command = command

    def stop(self):
        try:
            self.command.load_module(gdb.parse_and_eval("mod"))
        except (gdb.error, gdb.GdbError) as e:
            gdb.write("lx-symbols: at do_init_module: %s\n" % e)
        return False


class LxSymbols(gdb.Command):
    """Load the symbols of every loaded module, and of each module loaded later.

Usage: lx-symbols [DIR ...]
For each module on the kernel's list, finds NAME.ko under the folders
(searched with their subfolders; default: the folders of the MODULES= the
boot was made with, then examples/modules) and loads its symbols at the
addresses the loader gave its sections ("add-symbol-file NAME.ko ADDR
-s .data ADDR ..."), .init ones included (those the loader did not
keep, such as .modinfo, at MODULES_END, out of the way).  Folders given
replace the search path for later calls.  Then breaks, internally and silently, at
do_init_module() to do the same for each module loaded later before its
init runs, so "break NAME_init" set before "insmod NAME.ko" stops there."""

    def __init__(self):
        super().__init__("lx-symbols", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)
        self.dirs = None
        self.loaded = {}	# module name -> (file, sections)
        self.breakpoint = None

    def find_ko(self, name):
        """NAME.ko under the search path ('-' and '_' are the same in a name)."""
        wanted = name.replace("-", "_") + ".ko"
        for top in self.dirs or module_dirs_default():
            for folder, subdirs, files in os.walk(top):
                subdirs.sort()
                for f in sorted(files):
                    if f.replace("-", "_") == wanted:
                        return os.path.join(folder, f)
        return None

    def unload(self, name):
        path, _ = self.loaded.pop(name)
        try:
            gdb.execute("remove-symbol-file %s" % path, to_string=True)
        except gdb.error:
            pass	# gdb dropped it already (file command, symbol-file)

    def load_module(self, mod):
        """add-symbol-file for @mod (a struct module *), unless already done."""
        name = c_string(mod["name"])
        sects = module_sections(mod)
        if name in self.loaded:
            path, done = self.loaded[name]
            if done == sects and any(o.filename == path for o in gdb.objfiles()):
                return		# loaded there already, still in gdb
            self.unload(name)	# reloaded elsewhere, or removed from gdb
        path = self.find_ko(name)
        if path is None:
            gdb.write("lx-symbols: no %s.ko under %s\n"
                      % (name, " ".join(self.dirs or module_dirs_default())))
            return
        text = sects.get(".text", ulong(mod["core"]))
        others = "".join(" -s %s %#x" % (sec, addr) for sec, addr in sects.items()
                         if sec != ".text")
        # The sections the loader does not keep (.modinfo...) would sit at
        # 0, and gdb would name every NULL pointer after their symbols
        # ("0x0 <__UNIQUE_ID_version7>"): put them at MODULES_END, where
        # nothing is.
        others += "".join(" -s %s %#x" % (sec, MODULES_END)
                          for sec in ko_alloc_sections(path) if sec not in sects)
        gdb.write("loading @%#x: %s\n" % (text, path))
        gdb.execute("add-symbol-file %s %#x%s" % (path, text, others), to_string=True)
        self.loaded[name] = (path, sects)

    def invoke(self, arg, from_tty):
        dirs = gdb.string_to_argv(arg)
        if dirs:
            self.dirs = [os.path.abspath(d) for d in dirs]
        live = set()
        try:
            for mod in module_list():
                live.add(c_string(mod["name"]))
                self.load_module(mod)
        except (gdb.MemoryError, gdb.GdbError) as e:
            # stopped before the kernel set its list up: nothing loaded yet
            gdb.write("lx-symbols: no module list to read yet (%s); modules "
                      "loaded from now on get their symbols\n" % e)
        for name in list(self.loaded):
            if name not in live:
                self.unload(name)
        if self.breakpoint is None or not self.breakpoint.is_valid():
            self.breakpoint = LoadModuleBreakpoint(self)


LxSymbols()
