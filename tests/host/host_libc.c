// SPDX-License-Identifier: GPL-2.0
/*
 * The only host-test file that uses glibc directly: it undoes the
 * renaming of host_rename.h and offers glibc's own snprintf() as a
 * reference to compare lib/vsprintf.c against, heap buffers (tests
 * cannot include <stdlib.h>: its <sys/types.h> clashes with the kernel's
 * <linux/types.h>), and stdio setup.
 */
#undef sprintf
#undef vsprintf
#undef snprintf
#undef vsnprintf
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "host_support.h"

int ref_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

/* Unbuffered stdout keeps cmocka's stdout and stderr lines in order in a log. */
void host_test_init(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
}

/* Exact-size heap buffers: AddressSanitizer traps any access outside them. */
void *host_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		abort();
	return p;
}

void host_free(void *p)
{
	free(p);
}
