// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/lockdep.c - the lock validator, in the spirit of Linux's.
 *
 * A deadlock needs bad luck to happen, but only a bad rule to be
 * possible.  Lockdep checks the rules on every lock acquisition, so one
 * run that takes A then B somewhere and B then A elsewhere is enough to
 * report the deadlock that would need two CPUs and the wrong moment.
 *
 * What it keeps (all of it static: its memory is fixed at build time,
 * about 50 KiB, so it runs at any memory size):
 *
 *   lock classes       every lock initialised at one place in the source
 *                      is one class (<linux/lockdep_types.h>: the key);
 *                      looked up once per lock instance, then cached in
 *                      the instance (lockdep_map.class_cache)
 *   usage bits         per class: taken in a hard interrupt (IN-HARDIRQ),
 *                      with interrupts on (HARDIRQ-ON), in a softirq,
 *                      with softirqs on; each with the stack of its first
 *                      time (stack depot)
 *   dependency edges   "B was taken while A was held": A -> B, with the
 *                      stack of that acquisition; in a hash table, and in
 *                      a list per class for the search
 *   held-lock stack    per task (task_struct.held_locks): what it holds,
 *                      where it took each, in which context.  An
 *                      interrupt handler pushes onto the stack of the task
 *                      it interrupted (on an idle CPU: its idle task)
 *
 *	spin_lock(B), holding A:
 *	    class(B)  ---- usage: is B now IN-HARDIRQ and HARDIRQ-ON? ----> report
 *	    A held, same context?  edge A -> B known?  no: search from B
 *	    along the edges; reaching A means B -> ... -> A: a cycle ------> report
 *	    else add A -> B; push B on the held-lock stack
 *
 * Only the topmost held lock of the same context gets the new edge (as in
 * Linux: the ones below it already have an edge to it, so the order is
 * implied).  Locks held by a task do not order the locks an interrupt
 * handler takes on top of it: the irq_context of each held lock keeps
 * them apart.
 *
 * Locking: the graph (classes, edges, usage) changes under graph_lock, a
 * bare ticket-less spin on one word, taken with interrupts off; lookups
 * read it without the lock, since nothing is ever removed and each new
 * entry is complete before it is linked in.  While lockdep runs on a CPU,
 * lockdep_recursion is set there, so the locks it takes itself (the
 * stack depot's) are not validated.
 *
 * Reports (Linux's words and shape) turn the validator off: debug_locks
 * becomes 0, the held-lock stacks are still kept, nothing more is
 * checked.  lockdep_reset_debug_locks() turns it back on for tests.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/lockdep.h>
#include <linux/panic.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/stackdepot.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <generated/utsrelease.h>
#include <asm/processor.h>

#define MAX_LOCKDEP_CLASSES	512
#define MAX_LOCKDEP_EDGES	2048
#define CLASSHASH_SIZE		256
#define EDGEHASH_SIZE		1024

/* The usage bits: a state and its opposite differ in bit 0. */
enum lock_usage_bit {
	LOCK_USED_IN_HARDIRQ,
	LOCK_ENABLED_HARDIRQ,
	LOCK_USED_IN_SOFTIRQ,
	LOCK_ENABLED_SOFTIRQ,
	LOCK_USAGE_STATES
};

static const char *const usage_str[LOCK_USAGE_STATES] = {
	[LOCK_USED_IN_HARDIRQ]	= "IN-HARDIRQ-W",
	[LOCK_ENABLED_HARDIRQ]	= "HARDIRQ-ON-W",
	[LOCK_USED_IN_SOFTIRQ]	= "IN-SOFTIRQ-W",
	[LOCK_ENABLED_SOFTIRQ]	= "SOFTIRQ-ON-W",
};

struct lock_class {
	const void *key;		/* with subclass: what the class is */
	const char *name;
	u16 hash_next;			/* next class in its hash chain */
	u16 first_edge;			/* its edges to later classes */
	u8 subclass;
	u8 wait_type;
	u8 usage_mask;
	depot_stack_handle_t usage_traces[LOCK_USAGE_STATES];
};

struct lock_edge {
	u16 from, to;			/* class indexes: "to" taken holding "from" */
	u16 next_out;			/* next edge of "from" */
	u16 hash_next;
	depot_stack_handle_t trace;	/* where "to" was taken */
};

/* Index 0 of each table is "none". */
static struct lock_class lock_classes[MAX_LOCKDEP_CLASSES];
static unsigned int nr_lock_classes = 1;
static u16 classhash[CLASSHASH_SIZE];
static struct lock_edge lock_edges[MAX_LOCKDEP_EDGES];
static unsigned int nr_lock_edges = 1;
static u16 edgehash[EDGEHASH_SIZE];

/* The search's bookkeeping, under graph_lock. */
static u32 bfs_visited[MAX_LOCKDEP_CLASSES];	/* == bfs_generation: seen */
static u32 bfs_generation;
static u16 bfs_parent_edge[MAX_LOCKDEP_CLASSES];
static u16 bfs_queue[MAX_LOCKDEP_CLASSES];

static u32 graph_lock_word;
static DEFINE_PER_CPU(int, lockdep_recursion);

struct lock_class_key __lockdep_no_validate__;
EXPORT_SYMBOL(__lockdep_no_validate__);

int debug_locks = 1;
EXPORT_SYMBOL(debug_locks);
/* lockdep=off on the command line: no tracking at all. */
static bool lockdep_off_param;
static DEFINE_PER_CPU(unsigned long, nr_acquires);	/* per CPU: no shared line */
static unsigned int nr_reports;
static bool table_full_reported;

static int __init lockdep_setup(char *str)
{
	if (!strcmp(str, "off") || !strcmp(str, "0"))
		lockdep_off_param = true;
	else if (!strcmp(str, "on") || !strcmp(str, "1"))
		lockdep_off_param = false;
	else
		pr_warn("lockdep: unknown value '%s' (on or off)\n", str);
	return 1;
}
__setup("lockdep=", lockdep_setup);

/**
 * lockdep_enabled - is the validator tracking locks?
 *
 * Return: false when booted with lockdep=off.
 * Context: Any context.
 */
bool lockdep_enabled(void)
{
	return !lockdep_off_param;
}
EXPORT_SYMBOL(lockdep_enabled);

static void graph_lock(void)
{
	while (__atomic_exchange_n(&graph_lock_word, 1, __ATOMIC_ACQUIRE))
		while (READ_ONCE(graph_lock_word))
			cpu_relax();
}

static void graph_unlock(void)
{
	__atomic_store_n(&graph_lock_word, 0, __ATOMIC_RELEASE);
}

/* The first report turns validation off; returns whether this one may print. */
static bool debug_locks_off(void)
{
	if (!__atomic_exchange_n(&debug_locks, 0, __ATOMIC_RELAXED))
		return false;
	nr_reports++;
	return true;
}

/**
 * lockdep_reset_debug_locks - validate again after a report
 *
 * For tests that make a report on purpose: the next problem is reported
 * too.  What was learnt (classes, edges) is kept.
 *
 * Context: Any context.
 */
void lockdep_reset_debug_locks(void)
{
	WRITE_ONCE(debug_locks, 1);
}
EXPORT_SYMBOL(lockdep_reset_debug_locks);

/**
 * lockdep_get_stats - how much of its tables the validator uses
 * @st: filled in
 *
 * Context: Any context.
 */
void lockdep_get_stats(struct lockdep_stats *st)
{
	unsigned int cpu;

	st->classes = nr_lock_classes - 1;
	st->max_classes = MAX_LOCKDEP_CLASSES - 1;
	st->edges = nr_lock_edges - 1;
	st->max_edges = MAX_LOCKDEP_EDGES - 1;
	st->acquires = 0;
	for_each_possible_cpu(cpu)
		st->acquires += per_cpu(nr_acquires, cpu);
	st->reports = nr_reports;
}
EXPORT_SYMBOL(lockdep_get_stats);

/**
 * lockdep_init_map - give a lock instance its name and class key
 * @map: the instance's lockdep_map
 * @name: its name in reports
 * @key: its class (the initialisation site)
 * @wait_type: LD_WAIT_SPIN or LD_WAIT_SLEEP
 *
 * Context: Any context.
 */
void lockdep_init_map(struct lockdep_map *map, const char *name,
		      const struct lock_class_key *key, int wait_type)
{
	map->name = name;
	map->key = key;
	map->class_cache = NULL;
	map->wait_type = wait_type;
}
EXPORT_SYMBOL(lockdep_init_map);

/* ---- classes ---------------------------------------------------------- */

static unsigned int class_hash(const void *key, unsigned int subclass)
{
	unsigned long h = (unsigned long)key + subclass;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15UL;
	return (h >> 40) & (CLASSHASH_SIZE - 1);
}

static unsigned int class_index(const struct lock_class *c)
{
	return c - lock_classes;
}

static struct lock_class *find_class(const void *key, unsigned int subclass)
{
	unsigned int i = __atomic_load_n(&classhash[class_hash(key, subclass)],
					 __ATOMIC_ACQUIRE);

	for (; i; i = lock_classes[i].hash_next)
		if (lock_classes[i].key == key && lock_classes[i].subclass == subclass)
			return &lock_classes[i];
	return NULL;
}

/* The class of @map as @subclass, registered on first sight; NULL if full. */
static struct lock_class *lookup_class(struct lockdep_map *map, unsigned int subclass)
{
	struct lock_class *c = map->class_cache;
	unsigned int h;

	if (likely(c && !subclass && c->key == map->key))
		return c;
	c = find_class(map->key, subclass);
	if (!c) {
		graph_lock();
		c = find_class(map->key, subclass);
		if (!c && nr_lock_classes < MAX_LOCKDEP_CLASSES) {
			c = &lock_classes[nr_lock_classes++];
			c->key = map->key;
			c->name = map->name;
			c->subclass = subclass;
			c->wait_type = map->wait_type;
			h = class_hash(map->key, subclass);
			c->hash_next = classhash[h];
			__atomic_store_n(&classhash[h], class_index(c), __ATOMIC_RELEASE);
		}
		graph_unlock();
		if (!c) {
			if (!table_full_reported) {
				table_full_reported = true;
				pr_warn("BUG: MAX_LOCKDEP_KEYS too low!\n");
				pr_warn("turning off the locking correctness validator.\n");
			}
			WRITE_ONCE(debug_locks, 0);
			return NULL;
		}
	}
	if (!subclass)
		map->class_cache = c;
	return c;
}

/* ---- printing ---------------------------------------------------------- */

static char usage_char(struct lock_class *c, enum lock_usage_bit used_in)
{
	bool in = c->usage_mask & (1U << used_in);
	bool on = c->usage_mask & (1U << (used_in + 1));

	return in && on ? '?' : in ? '-' : on ? '+' : '.';
}

/* "(name){+.+.}-{2:2}": the usage per state, write then read, and wait type. */
static void print_class_name(struct lock_class *c)
{
	char sub[8] = "";

	if (c->subclass)
		snprintf(sub, sizeof(sub), "/%u", c->subclass);
	printk(KERN_CONT "(%s%s){%c.%c.}-{%u:%u}", c->name, sub,
	       usage_char(c, LOCK_USED_IN_HARDIRQ),
	       usage_char(c, LOCK_USED_IN_SOFTIRQ), c->wait_type, c->wait_type);
}

static void print_lock(const char *prefix, struct held_lock *hl)
{
	printk(KERN_DEFAULT "%s%016lx ", prefix, (unsigned long)hl->instance);
	print_class_name(&lock_classes[hl->class_idx]);
	printk(KERN_CONT ", at: %pS\n", (void *)hl->acquire_ip);
}

static void print_held_locks(struct task_struct *t)
{
	unsigned int i, depth = t->lockdep_depth;

	if (!depth) {
		printk(KERN_DEFAULT "no locks held by %s/%d.\n", t->comm, t->pid);
		return;
	}
	printk(KERN_DEFAULT "%u lock%s held by %s/%d:\n", depth,
	       depth > 1 ? "s" : "", t->comm, t->pid);
	for (i = 0; i < depth; i++) {
		char prefix[16];

		snprintf(prefix, sizeof(prefix), " #%u: ", i);
		print_lock(prefix, &t->held_locks[i]);
	}
}

/**
 * debug_show_held_locks - the locks @t holds, as a report's lines
 * @t: the task (current, or one that cannot run meanwhile)
 *
 * "N locks held by NAME/PID:" and one line per lock, or that lockdep is
 * off (booted with lockdep=off, or after its first report).
 *
 * Context: Any context.
 */
void debug_show_held_locks(struct task_struct *t)
{
	if (!lockdep_enabled()) {
		printk(KERN_WARNING "INFO: lockdep is turned off.\n");
		return;
	}
	print_held_locks(t);
}
EXPORT_SYMBOL(debug_show_held_locks);

/* ---- where interrupts went off and on (<linux/irqflags.h>) ---------- */

/**
 * trace_hardirqs_off - interrupts are going off at the caller
 *
 * Called by local_irq_disable() and local_irq_save() when interrupts
 * were on: the task's next event number and the call site.
 *
 * Context: Any context.
 */
void trace_hardirqs_off(void)
{
	struct irqtrace_events *trace = &current->irqtrace;

	trace->hardirq_disable_ip = _RET_IP_;
	trace->hardirq_disable_event = ++trace->irq_events;
}
EXPORT_SYMBOL(trace_hardirqs_off);

/**
 * trace_hardirqs_on - interrupts are about to go on at the caller
 *
 * Called by local_irq_enable() and local_irq_restore() when interrupts
 * were off, just before they go on.
 *
 * Context: Any context, interrupts off.
 */
void trace_hardirqs_on(void)
{
	struct irqtrace_events *trace = &current->irqtrace;

	trace->hardirq_enable_ip = _RET_IP_;
	trace->hardirq_enable_event = ++trace->irq_events;
}
EXPORT_SYMBOL(trace_hardirqs_on);

/**
 * trace_softirqs_off - local_bh_disable() at @ip turned softirqs off
 * @ip: its caller
 *
 * Context: Process context (the first local_bh_disable()).
 */
void trace_softirqs_off(unsigned long ip)
{
	struct irqtrace_events *trace = &current->irqtrace;

	trace->softirq_disable_ip = ip;
	trace->softirq_disable_event = ++trace->irq_events;
}

/**
 * trace_softirqs_on - local_bh_enable() at @ip turns softirqs on again
 * @ip: its caller
 *
 * Context: Process context (the last local_bh_enable()).
 */
void trace_softirqs_on(unsigned long ip)
{
	struct irqtrace_events *trace = &current->irqtrace;

	trace->softirq_enable_ip = ip;
	trace->softirq_enable_event = ++trace->irq_events;
}

/**
 * print_irqtrace_events - where @t last turned interrupts off and on
 * @t: the task
 *
 * Linux's five lines: the event stamp, then each last event with its
 * number and call site.
 *
 * Context: Any context.
 */
void print_irqtrace_events(struct task_struct *t)
{
	const struct irqtrace_events *trace = &t->irqtrace;

	printk(KERN_DEFAULT "irq event stamp: %u\n", trace->irq_events);
	printk(KERN_DEFAULT "hardirqs last  enabled at (%u): [<%px>] %pS\n",
	       trace->hardirq_enable_event, (void *)trace->hardirq_enable_ip,
	       (void *)trace->hardirq_enable_ip);
	printk(KERN_DEFAULT "hardirqs last disabled at (%u): [<%px>] %pS\n",
	       trace->hardirq_disable_event, (void *)trace->hardirq_disable_ip,
	       (void *)trace->hardirq_disable_ip);
	printk(KERN_DEFAULT "softirqs last  enabled at (%u): [<%px>] %pS\n",
	       trace->softirq_enable_event, (void *)trace->softirq_enable_ip,
	       (void *)trace->softirq_enable_ip);
	printk(KERN_DEFAULT "softirqs last disabled at (%u): [<%px>] %pS\n",
	       trace->softirq_disable_event, (void *)trace->softirq_disable_ip,
	       (void *)trace->softirq_disable_ip);
}
EXPORT_SYMBOL(print_irqtrace_events);

static void print_banner(const char *title, char fill)
{
	char line[64];
	size_t n = min(strlen(title), sizeof(line) - 1);

	memset(line, fill, n);
	line[n] = '\0';
	printk(KERN_WARNING "\n");
	printk(KERN_WARNING "%s\n", line);
	printk(KERN_WARNING "%s\n", title);
	printk(KERN_WARNING "%s #1 %s\n", UTS_RELEASE, print_tainted());
	memset(line, '-', n);
	printk(KERN_WARNING "%s\n", line);
}

static void print_trace(depot_stack_handle_t handle, int spaces)
{
	unsigned long *entries;
	unsigned int nr = stack_depot_fetch(handle, &entries);

	if (nr)
		stack_trace_print(entries, nr, spaces);
	else
		printk(KERN_DEFAULT "%*c(stack not recorded)\n", 1 + spaces, ' ');
}

static void print_tail(struct task_struct *t)
{
	printk(KERN_DEFAULT "\n *** DEADLOCK ***\n\n");
	print_held_locks(t);
	printk(KERN_DEFAULT "\nstack backtrace:\n");
	dump_stack();
}

/* The lock being taken, as a held_lock for printing. */
static void fill_hlock(struct held_lock *hl, struct lockdep_map *map,
		       struct lock_class *c, unsigned long ip)
{
	hl->instance = map;
	hl->class_idx = class_index(c);
	hl->acquire_ip = ip;
}

/* ---- irq-state usage ---------------------------------------------------- */

static unsigned int irq_context(void)
{
	return (hardirq_count() ? 1 : 0) | (in_serving_softirq() ? 2 : 0);
}

static noinline depot_stack_handle_t save_trace(void)
{
	depot_stack_handle_t handle;

	/* skip save_trace, its caller in here and lock_acquire() */
	handle = stack_depot_save_here(3);
	barrier();		/* no tail call: its frame is counted */
	return handle;
}

static void print_usage_bug(struct task_struct *t, struct held_lock *this,
			    enum lock_usage_bit prev_bit, enum lock_usage_bit new_bit,
			    bool hardirqs_off)
{
	struct lock_class *c = &lock_classes[this->class_idx];
	unsigned int pc = preempt_count();

	print_banner("WARNING: inconsistent lock state", '=');
	printk(KERN_DEFAULT "inconsistent {%s} -> {%s} usage.\n",
	       usage_str[prev_bit], usage_str[new_bit]);
	printk(KERN_DEFAULT "%s/%d [HC%u[%u]:SC%u[%u]:HE%u:SE%u] takes:\n",
	       t->comm, t->pid, hardirq_count() ? 1 : 0,
	       (unsigned int)((pc & HARDIRQ_MASK) >> HARDIRQ_SHIFT),
	       in_serving_softirq() ? 1 : 0,
	       (unsigned int)((pc & SOFTIRQ_MASK) >> SOFTIRQ_SHIFT), hardirqs_off ? 0 : 1,
	       softirq_count() ? 0 : 1);
	print_lock("", this);
	printk(KERN_DEFAULT "{%s} state was registered at:\n", usage_str[prev_bit]);
	print_trace(c->usage_traces[prev_bit], 1);
	print_irqtrace_events(t);
	printk(KERN_DEFAULT "\nother info that might help us debug this:\n");
	printk(KERN_DEFAULT " Possible unsafe locking scenario:\n\n");
	printk(KERN_DEFAULT "       CPU0\n");
	printk(KERN_DEFAULT "       ----\n");
	printk(KERN_DEFAULT "  lock(%s);\n", c->name);
	printk(KERN_DEFAULT "  <Interrupt>\n");
	printk(KERN_DEFAULT "    lock(%s);\n", c->name);
	print_tail(t);
}

/* Record that @c is used in state @bit; report if it was in the opposite. */
static noinline void mark_usage_bit(struct task_struct *t, struct held_lock *this,
				    enum lock_usage_bit bit, bool hardirqs_off)
{
	struct lock_class *c = &lock_classes[this->class_idx];
	enum lock_usage_bit opposite = bit ^ 1;
	depot_stack_handle_t trace;

	trace = save_trace();
	graph_lock();
	if (c->usage_mask & (1U << bit)) {
		graph_unlock();
		return;
	}
	c->usage_traces[bit] = trace;
	c->usage_mask |= 1U << bit;
	if (!(c->usage_mask & (1U << opposite)) || !debug_locks_off()) {
		graph_unlock();
		return;
	}
	graph_unlock();
	/* irq-safe state first in the report: the one registered before */
	print_usage_bug(t, this, opposite, bit, hardirqs_off);
}

static void mark_usage(struct task_struct *t, struct held_lock *this,
		       bool hardirqs_off)
{
	struct lock_class *c = &lock_classes[this->class_idx];
	unsigned int want = 0, bit;

	if (hardirq_count())
		want |= 1U << LOCK_USED_IN_HARDIRQ;
	if (in_serving_softirq())
		want |= 1U << LOCK_USED_IN_SOFTIRQ;
	if (!hardirqs_off) {
		want |= 1U << LOCK_ENABLED_HARDIRQ;
		if (!softirq_count())
			want |= 1U << LOCK_ENABLED_SOFTIRQ;
	}
	want &= ~READ_ONCE(c->usage_mask);
	for (bit = 0; want && bit < LOCK_USAGE_STATES; bit++) {
		if (!(want & (1U << bit)))
			continue;
		want &= ~(1U << bit);
		mark_usage_bit(t, this, bit, hardirqs_off);
		if (!debug_locks)
			return;
	}
}

/* ---- dependencies -------------------------------------------------------- */

static unsigned int edge_hash(unsigned int from, unsigned int to)
{
	return ((from * 31 + to) * 2654435761U >> 12) & (EDGEHASH_SIZE - 1);
}

static bool edge_exists(unsigned int from, unsigned int to)
{
	unsigned int i = __atomic_load_n(&edgehash[edge_hash(from, to)], __ATOMIC_ACQUIRE);

	for (; i; i = lock_edges[i].hash_next)
		if (lock_edges[i].from == from && lock_edges[i].to == to)
			return true;
	return false;
}

/*
 * Breadth-first search along the edges from @src for @target; on success
 * bfs_parent_edge[] leads back from @target to @src.  Under graph_lock.
 */
static bool bfs_reaches(unsigned int src, unsigned int target)
{
	unsigned int head = 0, tail = 0, e;

	if (!++bfs_generation) {
		memset(bfs_visited, 0, sizeof(bfs_visited));
		bfs_generation = 1;
	}
	bfs_visited[src] = bfs_generation;
	bfs_queue[tail++] = src;
	while (head < tail) {
		unsigned int c = bfs_queue[head++];

		for (e = lock_classes[c].first_edge; e; e = lock_edges[e].next_out) {
			unsigned int to = lock_edges[e].to;

			if (bfs_visited[to] == bfs_generation)
				continue;
			bfs_visited[to] = bfs_generation;
			bfs_parent_edge[to] = e;
			if (to == target)
				return true;
			bfs_queue[tail++] = to;
		}
	}
	return false;
}

/*
 * The cycle: taking @next holding @prev, while the graph already has
 * next -> ... -> prev (bfs_parent_edge[] from prev back to next).
 */
static noinline void print_circular_bug(struct task_struct *t, struct held_lock *prev,
			       struct held_lock *next)
{
	unsigned int src = next->class_idx, target = prev->class_idx;
	unsigned int c, depth = 0, parent;
	unsigned long entries[STACK_DEPOT_MAX_FRAMES];
	unsigned int nr;

	for (c = target; c != src; c = lock_edges[bfs_parent_edge[c]].from)
		depth++;
	parent = lock_edges[bfs_parent_edge[target]].from;

	print_banner("WARNING: possible circular locking dependency detected", '=');
	printk(KERN_DEFAULT "%s/%d is trying to acquire lock:\n", t->comm, t->pid);
	print_lock("", next);
	printk(KERN_DEFAULT "\nbut task is already holding lock:\n");
	print_lock("", prev);
	printk(KERN_DEFAULT "\nwhich lock already depends on the new lock.\n\n");
	printk(KERN_DEFAULT "\nthe existing dependency chain (in reverse order) is:\n");
	for (c = target; c != src; c = lock_edges[bfs_parent_edge[c]].from) {
		printk(KERN_DEFAULT "\n-> #%u ", depth--);
		print_class_name(&lock_classes[c]);
		printk(KERN_CONT ":\n");
		print_trace(lock_edges[bfs_parent_edge[c]].trace, 6);
	}
	printk(KERN_DEFAULT "\n-> #0 ");
	print_class_name(&lock_classes[src]);
	printk(KERN_CONT ":\n");
	/* from the lock function: skip this, check_prev_add, lock_acquire */
	nr = stack_trace_save(entries, ARRAY_SIZE(entries), 3);
	stack_trace_print(entries, nr, 6);

	printk(KERN_DEFAULT "\nother info that might help us debug this:\n\n");
	if (parent != src) {
		printk(KERN_DEFAULT "Chain exists of:\n  %s --> %s --> %s\n\n",
		       lock_classes[src].name, lock_classes[parent].name,
		       lock_classes[target].name);
	}
	printk(KERN_DEFAULT " Possible unsafe locking scenario:\n\n");
	printk(KERN_DEFAULT "       CPU0                    CPU1\n");
	printk(KERN_DEFAULT "       ----                    ----\n");
	printk(KERN_DEFAULT "  lock(%s);\n", lock_classes[target].name);
	printk(KERN_DEFAULT "                               lock(%s);\n",
	       lock_classes[parent].name);
	printk(KERN_DEFAULT "                               lock(%s);\n",
	       lock_classes[target].name);
	printk(KERN_DEFAULT "  lock(%s);\n", lock_classes[src].name);
	print_tail(t);
}

/* Add prev -> next unless known; report instead if it closes a cycle. */
static noinline void check_prev_add(struct task_struct *t, struct held_lock *prev,
				    struct held_lock *next)
{
	unsigned int from = prev->class_idx, to = next->class_idx, h;
	depot_stack_handle_t trace;
	struct lock_edge *e;

	if (edge_exists(from, to))
		return;
	trace = save_trace();
	graph_lock();
	if (edge_exists(from, to)) {
		graph_unlock();
		return;
	}
	if (bfs_reaches(to, from)) {
		if (debug_locks_off()) {
			graph_unlock();
			print_circular_bug(t, prev, next);
			return;
		}
		graph_unlock();
		return;
	}
	if (nr_lock_edges >= MAX_LOCKDEP_EDGES) {
		graph_unlock();
		if (!table_full_reported) {
			table_full_reported = true;
			pr_warn("BUG: MAX_LOCKDEP_ENTRIES too low!\n");
			pr_warn("turning off the locking correctness validator.\n");
		}
		WRITE_ONCE(debug_locks, 0);
		return;
	}
	e = &lock_edges[nr_lock_edges];
	e->from = from;
	e->to = to;
	e->trace = trace;
	e->next_out = lock_classes[from].first_edge;
	h = edge_hash(from, to);
	e->hash_next = edgehash[h];
	lock_classes[from].first_edge = nr_lock_edges;
	__atomic_store_n(&edgehash[h], nr_lock_edges, __ATOMIC_RELEASE);
	nr_lock_edges++;
	graph_unlock();
}

static void print_deadlock_bug(struct task_struct *t, struct held_lock *prev,
			       struct held_lock *next)
{
	const char *name = lock_classes[next->class_idx].name;

	print_banner("WARNING: possible recursive locking detected", '=');
	printk(KERN_DEFAULT "%s/%d is trying to acquire lock:\n", t->comm, t->pid);
	print_lock("", next);
	printk(KERN_DEFAULT "\nbut task is already holding lock:\n");
	print_lock("", prev);
	printk(KERN_DEFAULT "\nother info that might help us debug this:\n");
	printk(KERN_DEFAULT " Possible unsafe locking scenario:\n\n");
	printk(KERN_DEFAULT "       CPU0\n");
	printk(KERN_DEFAULT "       ----\n");
	printk(KERN_DEFAULT "  lock(%s);\n", name);
	printk(KERN_DEFAULT "  lock(%s);\n", name);
	printk(KERN_DEFAULT "\n *** DEADLOCK ***\n\n");
	printk(KERN_DEFAULT " May be due to missing lock nesting notation\n\n");
	print_held_locks(t);
	printk(KERN_DEFAULT "\nstack backtrace:\n");
	dump_stack();
}

/* ---- forgetting a module's classes ----------------------------------------- */

/* Unlink edge @e from its hash chain and its class's list. Under graph_lock. */
static void unlink_edge(unsigned int e)
{
	struct lock_edge *edge = &lock_edges[e];
	u16 *link;

	for (link = &edgehash[edge_hash(edge->from, edge->to)]; *link;
	     link = &lock_edges[*link].hash_next)
		if (*link == e) {
			*link = edge->hash_next;
			break;
		}
	for (link = &lock_classes[edge->from].first_edge; *link;
	     link = &lock_edges[*link].next_out)
		if (*link == e) {
			*link = edge->next_out;
			break;
		}
}

/**
 * lockdep_free_key_range - forget the lock classes whose keys lie in memory
 * about to be freed (a module's), and every dependency they took part in
 * @start: the memory
 * @size: its size in bytes
 *
 * The memory may hold another module's keys later: they must not find
 * these classes, nor their edges.  The table slots are not reused.
 *
 * Context: Process context.
 */
void lockdep_free_key_range(void *start, unsigned long size)
{
	unsigned long lo = (unsigned long)start, hi = lo + size;
	unsigned int i, e;
	unsigned long flags;
	u16 *link;

	if (lockdep_off_param)
		return;
	local_irq_save(flags);
	graph_lock();
	for (i = 1; i < nr_lock_classes; i++) {
		struct lock_class *c = &lock_classes[i];
		unsigned long key = (unsigned long)c->key;

		if (!key || key < lo || key >= hi)
			continue;
		for (link = &classhash[class_hash(c->key, c->subclass)]; *link;
		     link = &lock_classes[*link].hash_next)
			if (*link == i) {
				*link = c->hash_next;
				break;
			}
		c->key = NULL;		/* dead: matches no lock */
		c->name = "(freed)";
		for (e = 1; e < nr_lock_edges; e++)
			if (lock_edges[e].from == i || lock_edges[e].to == i) {
				unlink_edge(e);
				lock_edges[e].from = lock_edges[e].to = 0;
			}
	}
	graph_unlock();
	local_irq_restore(flags);
}
EXPORT_SYMBOL(lockdep_free_key_range);

/* ---- acquire and release ------------------------------------------------- */

/**
 * lock_acquire - a lock is about to be taken (or was, by a trylock)
 * @map: the lock instance's lockdep_map
 * @subclass: 0, or the nesting level of spin_lock_nested()
 * @trylock: 1 for a trylock that succeeded (no ordering checks)
 * @ip: the caller, for reports
 *
 * Context: Any context.
 */
void lock_acquire(struct lockdep_map *map, unsigned int subclass, int trylock,
		  unsigned long ip)
{
	struct task_struct *t;
	struct lock_class *c;
	struct held_lock *hl;
	unsigned long flags;
	unsigned int ctx, i;

	if (unlikely(lockdep_off_param || !map->key || this_cpu_read(lockdep_recursion) ||
		     map->key == &__lockdep_no_validate__))
		return;
	local_irq_save(flags);
	this_cpu_inc(lockdep_recursion);
	t = current;
	c = lookup_class(map, subclass);
	if (!c)
		goto out;
	if (unlikely(t->lockdep_depth >= MAX_LOCK_DEPTH)) {
		if (debug_locks_off()) {
			pr_warn("BUG: MAX_LOCK_DEPTH too low!\n");
			pr_warn("turning off the locking correctness validator.\n");
			print_held_locks(t);
			dump_stack();
		}
		goto out;
	}
	ctx = irq_context();
	hl = &t->held_locks[t->lockdep_depth];
	fill_hlock(hl, map, c, ip);
	hl->irq_context = ctx;
	hl->trylock = trylock;
	if (READ_ONCE(debug_locks)) {
		this_cpu_inc(nr_acquires);
		mark_usage(t, hl, irqs_disabled_flags(flags));
	}
	if (READ_ONCE(debug_locks) && !trylock) {
		/* the same class held already: a lock of it waits for another */
		for (i = 0; i < t->lockdep_depth; i++) {
			if (t->held_locks[i].class_idx != hl->class_idx)
				continue;
			if (debug_locks_off())
				print_deadlock_bug(t, &t->held_locks[i], hl);
			break;
		}
		/* the topmost lock held in this context orders it */
		for (i = t->lockdep_depth; READ_ONCE(debug_locks) && i-- > 0; ) {
			struct held_lock *prev = &t->held_locks[i];

			if (prev->irq_context != ctx)
				break;
			if (prev->class_idx && prev->class_idx != hl->class_idx)
				check_prev_add(t, prev, hl);
			if (!prev->trylock)
				break;
		}
	}
	t->lockdep_depth++;
out:
	this_cpu_dec(lockdep_recursion);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(lock_acquire);

/**
 * lock_release - a lock is being released
 * @map: the lock instance's lockdep_map
 * @ip: the caller
 *
 * Takes the lock off the held-lock stack, wherever it is in it (locks
 * need not be released in the reverse order of taking them).
 *
 * Context: Any context.
 */
void lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *t;
	unsigned long flags;
	unsigned int i;

	if (unlikely(lockdep_off_param || !map->key || this_cpu_read(lockdep_recursion)))
		return;
	local_irq_save(flags);
	t = current;
	for (i = t->lockdep_depth; i-- > 0; ) {
		if (t->held_locks[i].instance != map)
			continue;
		memmove(&t->held_locks[i], &t->held_locks[i + 1],
			(t->lockdep_depth - i - 1) * sizeof(struct held_lock));
		t->lockdep_depth--;
		break;
	}
	local_irq_restore(flags);
}
EXPORT_SYMBOL(lock_release);
