/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers, with the values Linux uses on x86_64.
 *
 * Kernel functions return them negated ("return -ENOMEM;"), so a caller
 * tests "ret < 0" and a log line can print the number a Linux user would
 * recognise.  The numbers above 511 are kernel-internal and never reach
 * user space in Linux either.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		 1	/* Operation not permitted */
#define ENOENT		 2	/* No such file or directory */
#define ESRCH		 3	/* No such process */
#define EINTR		 4	/* Interrupted system call */
#define EIO		 5	/* I/O error */
#define ENXIO		 6	/* No such device or address */
#define E2BIG		 7	/* Argument list too long */
#define ENOEXEC		 8	/* Exec format error */
#define EBADF		 9	/* Bad file number */
#define ECHILD		10	/* No child processes */
#define EAGAIN		11	/* Try again */
#define ENOMEM		12	/* Out of memory */
#define EACCES		13	/* Permission denied */
#define EFAULT		14	/* Bad address */
#define ENOTBLK		15	/* Block device required */
#define EBUSY		16	/* Device or resource busy */
#define EEXIST		17	/* File exists */
#define EXDEV		18	/* Cross-device link */
#define ENODEV		19	/* No such device */
#define ENOTDIR		20	/* Not a directory */
#define EISDIR		21	/* Is a directory */
#define EINVAL		22	/* Invalid argument */
#define ENFILE		23	/* File table overflow */
#define EMFILE		24	/* Too many open files */
#define ENOTTY		25	/* Not a typewriter */
#define ETXTBSY		26	/* Text file busy */
#define EFBIG		27	/* File too large */
#define ENOSPC		28	/* No space left on device */
#define ESPIPE		29	/* Illegal seek */
#define EROFS		30	/* Read-only file system */
#define EMLINK		31	/* Too many links */
#define EPIPE		32	/* Broken pipe */
#define EDOM		33	/* Math argument out of domain of func */
#define ERANGE		34	/* Math result not representable */
#define EDEADLK		35	/* Resource deadlock would occur */
#define ENAMETOOLONG	36	/* File name too long */
#define ENOLCK		37	/* No record locks available */
#define ENOSYS		38	/* Invalid system call number */
#define ENOTEMPTY	39	/* Directory not empty */
#define ELOOP		40	/* Too many symbolic links encountered */
#define EWOULDBLOCK	EAGAIN	/* Operation would block */
#define ENODATA		61	/* No data available */
#define ETIME		62	/* Timer expired */
#define EPROTO		71	/* Protocol error */
#define EBADMSG		74	/* Not a data message */
#define EOVERFLOW	75	/* Value too large for defined data type */
#define EILSEQ		84	/* Illegal byte sequence */
#define EMSGSIZE	90	/* Message too long */
#define EOPNOTSUPP	95	/* Operation not supported */
#define ENOBUFS		105	/* No buffer space available */
#define ETIMEDOUT	110	/* Connection timed out */
#define EALREADY	114	/* Operation already in progress */
#define EINPROGRESS	115	/* Operation now in progress */
#define ECANCELED	125	/* Operation Canceled */

/* Kernel-internal values (never seen by user space). */
#define ERESTARTSYS	512
#define ENOTSUPP	524	/* Operation is not supported */

/* The largest errno value; ERR_PTR() encodes -MAX_ERRNO..-1. */
#define MAX_ERRNO	4095

#endif /* _LINUX_ERRNO_H */
