/* SPDX-License-Identifier: GPL-2.0 */
/* exporter.h - what the exporter module offers other modules. */
#ifndef EXPORTER_H
#define EXPORTER_H

int exporter_twice(int x);
int exporter_add(int a, int b);
int exporter_gpl_only(void);

#endif /* EXPORTER_H */
