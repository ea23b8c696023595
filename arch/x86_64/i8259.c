// SPDX-License-Identifier: GPL-2.0
/*
 * The legacy 8259A interrupt controllers (master and slave PIC).
 *
 * The BIOS leaves them delivering IRQ 0-7 on vectors 8-15, which are the
 * CPU's own exception vectors: the timer would arrive as a "double
 * fault".  i8259_init() moves them to vectors 32-47 (FIRST_EXTERNAL_VECTOR)
 * and masks every line, so that enabling interrupts is safe until a
 * driver unmasks the line it handles.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_DATA	0xa1
#define ICW1_INIT_ICW4	0x11	/* edge triggered, cascade, ICW4 follows */
#define ICW4_8086	0x01
#define PIC_CASCADE_IR	2	/* the slave hangs off master line 2 */

/**
 * i8259_init - remap both PICs to vectors 32-47 and mask all lines
 *
 * Context: Boot, interrupts off.
 */
void i8259_init(void)
{
	outb(ICW1_INIT_ICW4, PIC_MASTER_CMD);
	io_delay();
	outb(ICW1_INIT_ICW4, PIC_SLAVE_CMD);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_DATA);		/* ICW2: base */
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_DATA);
	io_delay();
	outb(1U << PIC_CASCADE_IR, PIC_MASTER_DATA);		/* ICW3 */
	io_delay();
	outb(PIC_CASCADE_IR, PIC_SLAVE_DATA);
	io_delay();
	outb(ICW4_8086, PIC_MASTER_DATA);
	io_delay();
	outb(ICW4_8086, PIC_SLAVE_DATA);
	io_delay();
	outb(0xff, PIC_MASTER_DATA);				/* mask all */
	outb(0xff, PIC_SLAVE_DATA);
}
