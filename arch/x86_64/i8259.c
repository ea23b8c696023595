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
#define OCW2_EOI	0x20	/* non-specific end of interrupt */
#define OCW3_READ_ISR	0x0b
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

static u16 pic_mask = 0xffff;	/* bit n set: IRQ n masked */

static void pic_write_mask(void)
{
	outb(pic_mask & 0xff, PIC_MASTER_DATA);
	outb(pic_mask >> 8, PIC_SLAVE_DATA);
}

/* Let IRQ @irq through (and the cascade line, for the slave's IRQs). */
void arch_irq_unmask(unsigned int irq)
{
	pic_mask &= ~(1U << irq);
	if (irq >= 8)
		pic_mask &= ~(1U << PIC_CASCADE_IR);
	pic_write_mask();
}

void arch_irq_mask(unsigned int irq)
{
	pic_mask |= 1U << irq;
	pic_write_mask();
}

/*
 * Is this IRQ 7 or 15 a real one?  A PIC reports a spurious interrupt on
 * its lowest-priority line when the request vanished; then the line's bit
 * in the in-service register is clear, and no EOI must be sent (except
 * to the master for a spurious slave interrupt).
 */
bool i8259_spurious(unsigned int irq)
{
	u16 port = irq >= 8 ? PIC_SLAVE_CMD : PIC_MASTER_CMD;

	if (irq != 7 && irq != 15)
		return false;
	outb(OCW3_READ_ISR, port);
	if (inb(port) & 0x80)
		return false;
	if (irq == 15)
		outb(OCW2_EOI, PIC_MASTER_CMD);
	return true;
}

/* End of interrupt for IRQ @irq: the slave, then the master. */
void i8259_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(OCW2_EOI, PIC_SLAVE_CMD);
	outb(OCW2_EOI, PIC_MASTER_CMD);
}
