/* SPDX-License-Identifier: GPL-2.0 */
/* The release <linux/version.h> names, as the string uname -r prints. */
#ifndef _GENERATED_UTSRELEASE_H
#define _GENERATED_UTSRELEASE_H

#define UTS_RELEASE "6.12.0"

#endif /* _GENERATED_UTSRELEASE_H */
